# True division always gives a float.
print(1 / 2, 4 / 2, -1 / 3, 10 / 4)
print(type(4 / 2).__name__)
print(10 ** 30 / 10 ** 10)
print(1 / 3 * 3)
print(2 ** 70 / 2 ** 69)
print(7 / -2, -7 / 2)
print(1 / 7)
