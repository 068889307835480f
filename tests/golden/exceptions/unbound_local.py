# UnboundLocalError and NameError messages.
x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
def g():
    return undefined_thing
try:
    g()
except NameError as e:
    print('NameError', e)
def outer():
    def inner():
        return free
    try:
        return inner()
    except NameError as e:
        return 'NameError ' + str(e)
    free = 1
print(outer())
try:
    del never_defined
except NameError as e:
    print('NameError', e)
