# Generator expressions are lazy and single-use.
g = (x * 2 for x in range(4))
print(next(g), list(g), list(g))
print(sum(x for x in range(5)), max(len(w) for w in ['a', 'abc', 'ab']))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
def noisy(n):
    for i in range(n):
        print('produce', i)
        yield i
lazy = (v * 10 for v in noisy(3))
print('nothing produced yet')
print(next(lazy))
print(list(lazy))
print(sorted((c for c in 'hello'), reverse=True))
print(dict((k, k * k) for k in range(3)))
print(type(g).__name__)
