# len, range, enumerate.
print(len('abc'), len([1, 2]), len({}), len({1: 2}), len(set()), len(range(10)), len(b'xy'), len((1,)))
print(list(range(3)), list(range(1, 4)), list(range(10, 0, -3)), list(range(0, -5, -1)))
print(list(enumerate('ab')), list(enumerate('ab', 5)), list(enumerate([], 1)))
for i, ch in enumerate('xyz', start=1):
    print(i, ch)
e = enumerate('ab')
print(next(e), next(e), next(e, 'done'))
try:
    len(5)
except TypeError as e:
    print('TypeError', e)
