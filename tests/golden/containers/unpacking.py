# Unpacking assignments including starred targets.
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
h, *mid, t = range(5)
print(h, mid, t)
p, *q = [1]
print(p, q)
[m, n] = 'xy'
print(m, n)
for i, (c, d) in enumerate([('a', 1), ('b', 2)]):
    print(i, c, d)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('ValueError', e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print('ValueError', e)
try:
    a, *b, c = [1]
except ValueError as e:
    print('ValueError', e)
try:
    a, b = 5
except TypeError as e:
    print('TypeError', e)
k1, k2 = {'one': 1, 'two': 2}
print(k1, k2)
