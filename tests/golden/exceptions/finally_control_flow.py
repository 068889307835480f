# return/break/continue passing through finally.
def ret_in_try():
    try:
        return 'try'
    finally:
        print('finally runs before return')
print(ret_in_try())
def finally_overrides():
    try:
        return 'try'
    finally:
        return 'finally'
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(finally_swallows())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print('finally on', i)
for i in range(3):
    try:
        if i < 2:
            continue
        print('body reached', i)
    finally:
        print('cleanup', i)
def value_snapshot():
    x = 'before'
    try:
        return x
    finally:
        x = 'after'
print(value_snapshot())
def nested_finally():
    try:
        try:
            return 1
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested_finally())
