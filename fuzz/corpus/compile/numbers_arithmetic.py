# Basic integer and float arithmetic.
print(2 + 3, 2 - 3, 2 * 3, 7 / 2, 6 / 3)
print(2 + 3.0, 2 * 1.5, 10 - 0.5)
print(-7 + 2, 3 * -4, -(-5))
print(1 + 2 * 3 - 4 / 2)
print((1 + 2) * (3 - 4))
print(0.1 * 3, 1.1 + 2.2)
print(1e308 * 10, -1e308 * 10)
print(True + 1, False - 1, True * 2.5)
