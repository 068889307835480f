# zip, map, filter are lazy iterators.
print(list(zip([1, 2, 3], 'abc')), list(zip([1, 2], 'abcd')), list(zip()))
print(list(zip([1], [2], [3])), dict(zip('ab', 'cd')))
print(list(map(str.upper, ['a', 'b'])), list(map(lambda x, y: x * y, [1, 2], [3, 4, 5])))
print(list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(filter(None, [0, '', 'x', [], [0]])))
m = map(lambda x: x * 10, range(3))
print(next(m), list(m), list(m))
z = zip('ab', range(2))
print(type(z).__name__, type(m).__name__, type(filter(None, [])).__name__)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print('ValueError', e)
