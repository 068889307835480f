# Generators: yield, laziness, exhaustion.
def gen(n):
    print('start')
    for i in range(n):
        print('yielding', i)
        yield i
    print('end')
g = gen(2)
print('created')
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print('StopIteration')
print(list(gen(3)))
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
s = squares()
print([next(s) for _ in range(5)])
def with_return():
    yield 1
    return 'result'
w = with_return()
next(w)
try:
    next(w)
except StopIteration as e:
    print('return value', e.value)
print(type(gen(0)).__name__)
