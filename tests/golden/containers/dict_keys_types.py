# Any hashable object can be a key; 1, 1.0 and True are the same key.
d = {1: 'int', (1, 2): 'tuple', None: 'none', 'x': 'str', frozenset([1]): 'fs'}
print(d[1], d[(1, 2)], d[None], d['x'], d[frozenset([1])])
d[1.0] = 'float'
d[True] = 'bool'
print(d[1], len(d), list(d)[0])
try:
    d[[1]] = 'list'
except TypeError as e:
    print('TypeError', e)
try:
    {{1}: 2}
except TypeError as e:
    print('TypeError', e)
