# range objects.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1])
print(5 in r, 6 in r, r.index(8), r.count(11))
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)))
print(range(10) == range(0, 10), range(0) == range(5, 5), range(10 ** 20)[-1])
print(range(0, 10, 2)[2], list(range(-5, 5, 4)), repr(range(3)))
print(sum(range(1000)), max(range(7)), list(reversed(range(4))))
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError', e)
try:
    range(3)[5]
except IndexError as e:
    print('IndexError', e)
