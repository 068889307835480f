# Positional and keyword arguments, defaults.
def f(a, b, c=3, d=4):
    return (a, b, c, d)
print(f(1, 2))
print(f(1, 2, 5))
print(f(1, b=7))
print(f(d=0, c=9, b=8, a=7))
print(f(1, 2, d=10))
def defaults_evaluated_once(x, acc=[]):
    acc.append(x)
    return acc
print(defaults_evaluated_once(1), defaults_evaluated_once(2))
counter = 10
def default_from_global(v=counter):
    return v
counter = 20
print(default_from_global())
print(f.__defaults__)
