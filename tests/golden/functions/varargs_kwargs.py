# *args and **kwargs.
def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, x=3))
def g(a, *rest, key='k', **extra):
    return a, rest, key, extra
print(g(1))
print(g(1, 2, 3, key='K', z=26, y=25))
def total(*nums):
    return sum(nums)
print(total(), total(1, 2, 3), total(*range(10)))
def show(**opts):
    return ', '.join(f'{k}={v}' for k, v in opts.items())
print(show(b=2, a=1, c=3))
print(type(f(1)[0]).__name__, type(f(x=1)[1]).__name__)
