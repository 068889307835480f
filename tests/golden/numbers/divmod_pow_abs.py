# divmod, pow with three arguments, abs.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, 10), pow(2, -1), pow(2.0, 3))
print(pow(3, 4, 5), pow(2, 100, 1000007), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(38, -1, 97), pow(7, 0, 1))
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(-(2 ** 80)), abs(True))
print(pow(10, 2), 10 ** 2 == pow(10, 2))
