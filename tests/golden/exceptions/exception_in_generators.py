# Exceptions propagate out of generators and comprehensions.
def gen():
    yield 1
    raise ValueError('generator failed')
g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print('caught', e)
print(next(g, 'exhausted after error'))
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print('comprehension', e)
def gen2():
    try:
        yield 1
    except KeyError:
        yield 'handled KeyError'
g2 = gen2()
next(g2)
print(g2.throw(KeyError))
