# Aggregations over numbers.
print(sum(range(101)), sum([0.1] * 10), sum([], 10), sum([1, 2], start=5))
print(min(3, 1, 2), max(3, 1, 2), min([4, -1, 2]), max([1.5, 1, 1.25]))
print(max(-0.0, 0.0), min(0.0, -0.0))
print(sum(x * x for x in range(10)))
print(sum([10 ** 20, 1, -10 ** 20]))
