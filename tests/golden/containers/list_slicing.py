# Slicing, slice assignment and deletion on lists.
a = list(range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[:-7], a[8:2:-2])
a[2:5] = ['x']
print(a)
a[1:1] = [100, 200]
print(a)
a[:] = a[::-1]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
a[len(a):] = [7, 8]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print('ValueError', e)
b = [1, 2, 3]
b[-1:] = 'xy'
print(b)
del b[-1]
del b[0]
print(b)
try:
    b[5]
except IndexError as e:
    print('IndexError', e)
try:
    b[5] = 1
except IndexError as e:
    print('IndexError', e)
