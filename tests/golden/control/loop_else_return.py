# Searching with for/else and returning from inside loops.
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            return i
    else:
        return -1
print(find([5, 6, 7], 6), find([5, 6, 7], 8))
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        return True
    return False
print([n for n in range(30) if is_prime(n)])
def first_negative(rows):
    for row in rows:
        for v in row:
            if v < 0:
                return v
    return None
print(first_negative([[1, 2], [3, -4, -5]]), first_negative([[1]]))
