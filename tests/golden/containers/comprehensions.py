# List, set, dict comprehensions and generator expressions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[c for c in w] for w in ['ab', 'cd']])
print({x % 4 for x in range(20)})
print({w: len(w) for w in ['apple', 'fig', 'banana']})
print({k: v for k, v in zip('abc', range(3)) if v != 1})
print(sum(x for x in range(10) if x % 2))
print(list(x + y for x in 'ab' for y in 'cd'))
print([x if x % 2 else -x for x in range(6)])
x = 'outer'
print([x for x in range(3)], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n > 2])
print(sorted({c.upper() for c in 'hello'}))
print({i: {j: i * j for j in range(2)} for i in range(2)})
