# Sets of small non-negative ints iterate in ascending order (hash = value).
print({3, 1, 2}, set([10, 5, 0]), {7})
s = set()
for n in [9, 4, 6, 1]:
    s.add(n)
print(s, list(s), sorted(s, reverse=True))
print({x * 2 for x in range(6)})
print(frozenset({8, 2, 5}))
print(set('a'), set([True]), {None} == {None})
