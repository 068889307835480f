# sorted and reversed.
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted('cab'), sorted([]))
print(sorted(['bb', 'a', 'ccc'], key=len), sorted([-2, 1, -3], key=abs, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError', e)
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 2
print(list(reversed(Rev())))
print(sorted({3: 'a', 1: 'b'}.items()), sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
