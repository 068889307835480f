# A break/continue/return in a finally body that runs on a return's way
# out drops the value being returned (it once stayed on the value stack).
def f():
    for i in range(3):
        try:
            try:
                return i
            finally:
                pass
        finally:
            continue
    return 'end'

print(f(), [1, 2, 3])


def g():
    while True:
        try:
            return 'lost'
        finally:
            break
    return 'after break'

print(g(), [4, 5])


def h():
    try:
        try:
            return 'inner'
        finally:
            return 'middle'
    finally:
        pass

print(h())


def k(log):
    for i in range(3):
        with open('/dev/null') as fh:
            try:
                return i
            finally:
                log.append(i)
                if i < 2:
                    continue
    return 'end'

log = []
print(k(log), log)


def gen():
    for i in range(3):
        try:
            try:
                yield i
                return 'stop'
            finally:
                pass
        finally:
            continue
    yield 'end'

print(list(gen()), [1, 2, 3])


def nested_excepts():
    for i in range(2):
        try:
            raise ValueError(i)
        except ValueError as e:
            try:
                return str(e)
            finally:
                continue
    return 'done', [x for x in range(3)]

print(nested_excepts())
