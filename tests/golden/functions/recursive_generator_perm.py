# Permutations and combinations with recursive generators.
def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in perms(items[:i] + items[i + 1:]):
            yield [items[i]] + rest
print(list(perms([1, 2, 3])))
def combos(items, k):
    if k == 0:
        yield []
        return
    for i in range(len(items)):
        for rest in combos(items[i + 1:], k - 1):
            yield [items[i]] + rest
print(list(combos('abcd', 2)))
print(sum(1 for _ in perms(list(range(6)))))
