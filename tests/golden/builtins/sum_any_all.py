# sum, any, all.
print(sum([1, 2, 3]), sum([]), sum([1.5, 2]), sum(range(5), 100), sum([[1], [2]], []))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any('a'), all(['', 'x']))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 2, 3]))
def noisy(v):
    print('check', v)
    return v
print(any(noisy(v) for v in [0, 1, 2]))
print(all(noisy(v) for v in [1, 0, 2]))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError', e)
