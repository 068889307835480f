# list operators.
a = [1, 2]
b = [3]
print(a + b, a * 2, 2 * b, [] * 5, a * -1)
print(a == [1, 2], a != b, a < b, [1, 2] < [1, 2, 0], [2] > [1, 9])
print(2 in a, 5 in a, 5 not in a)
c = a
c += [9]
print(a, c is a)
c *= 2
print(a)
print(len(a), min(a), max(a), sum(a))
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
print(list('abc'), list((1, 2)), list(range(3)), list())
