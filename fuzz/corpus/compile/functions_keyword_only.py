# Keyword-only parameters.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=5, b=4))
try:
    f(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    f(1)
except TypeError as e:
    print('TypeError', e)
def g(*args, flag=False):
    return args, flag
print(g(1, 2), g(flag=True))
print(f.__kwdefaults__)
