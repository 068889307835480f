# Lambda expressions.
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, z=2))
print((lambda a, b=2: a + b)(1), sorted([3, -1, 2], key=lambda v: -v))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print(sq.__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, sq)(4) + '!')
print((lambda x: (lambda y: x + y))(1)(2))
