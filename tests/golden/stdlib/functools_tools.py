import functools
from functools import partial, reduce, lru_cache, cache, wraps, total_ordering, cmp_to_key, cached_property
import operator
p = partial(int, base=2)
print(p("101"), p.func is int, p.args, p.keywords)
add3 = partial(operator.add, 3); print(add3(4), partial(add3)(1))
pp = partial(partial(max, 1), 5); print(pp(3), pp.args)
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1), reduce(operator.add, [], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)
try:
    partial(3)
except TypeError as e:
    print(e)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2); sq(1)
print(sq.cache_info(), sq.__name__)
@lru_cache
def ident(x):
    return x
print(ident(1), ident(1), ident.cache_info())
@cache
def fact(n):
    "factorial"
    return 1 if n == 0 else n * fact(n - 1)
print(fact(10), fact.cache_info(), fact.__doc__)
def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        "wrapper doc"
        return f(*a, **k)
    return wrapper
@deco
def greet(name):
    "Say hello."
    return "hi " + name
print(greet("bob"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2))
try:
    @total_ordering
    class W:
        pass
except ValueError as e:
    print(e)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted(["b", "A", "c"], key=cmp_to_key(lambda a, b: cmp(a.lower(), b.lower()))))
class C:
    def __init__(self): self.n = 0
    @cached_property
    def value(self):
        self.n += 1
        return 42
c = C(); print(c.value, c.value, c.n, "value" in c.__dict__)
del c.value; print(c.value, c.n)
