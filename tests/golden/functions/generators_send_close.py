# send, close and throw on generators.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print('finished with', e.value)
def closing():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup ran')
c = closing()
print(next(c))
c.close()
print('closed')
c.close()
def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print('caught inside', e)
t = catcher()
next(t)
t.throw(ValueError('boom'))
t.throw(ValueError('again'))
try:
    t.throw(KeyError('k'))
except KeyError as e:
    print('propagated', repr(e))
fresh = accumulator()
try:
    fresh.send(1)
except TypeError as e:
    print('TypeError', e)
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print('RuntimeError', e)
