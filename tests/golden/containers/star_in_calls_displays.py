# * and ** in calls and displays.
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), x=1, **{'y': 2}, **{'z': 3}))
print([*range(3), *'ab', 9])
print((*[1, 2], 3), {*[1, 2], *(2, 3)})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
args = (1, 2)
print(*args, sep='-')
print(max(*[3, 9, 4]))
def g(a, b, c=0):
    return a + b + c
print(g(*args), g(**{'a': 1, 'b': 2, 'c': 3}), g(1, *[2], **{'c': 10}))
try:
    f(**{'x': 1}, **{'x': 2})
except TypeError as e:
    print('TypeError', e)
try:
    g(*[1, 2, 3, 4])
except TypeError as e:
    print('TypeError', e)
