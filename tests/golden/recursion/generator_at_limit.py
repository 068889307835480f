# Resuming a generator at the recursion limit fails with RecursionError
# and finishes the generator, however it is resumed.
import sys
def g():
    yield 1
    yield 2
    yield 3
def rec(n, it):
    if n == 0:
        return next(it)
    return rec(n-1, it)
def rec2(n, it):
    if n == 0:
        for x in it:
            return x
    return rec2(n-1, it)
for f in (rec, rec2):
    for depth in range(10, 1000):
        it = g()
        next(it)
        try:
            f(depth, it)
        except RecursionError as e:
            print(f.__name__, "hit at", depth > 900, e)
            print(list(it))
            break
