# Comparisons including chained comparisons.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 < 2 > 0)
print(1 == 1 == 1, 1 == 1 != 2, 0 < 1 <= 1 < 2)
x = 5
print(0 <= x < 10, 10 > x >= 5 > 4)
def noisy(v):
    print('eval', v)
    return v
print(noisy(1) < noisy(0) < noisy(2))
print(noisy(1) < noisy(2) < noisy(3))
print(float('nan') == float('nan'), float('nan') != float('nan'))
print(float('inf') > 10 ** 400, -float('inf') < -10 ** 400)
print('abc' < 'abd', 'a' < 'B', [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
print(None is None, x is not None)
