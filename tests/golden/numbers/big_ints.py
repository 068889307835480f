# Arbitrary-precision integers.
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // 2 ** 20, f % 1000007)
print(2 ** 128 - 1, -(2 ** 128))
print((2 ** 64) * (2 ** 64) == 2 ** 128)
print(2 ** 100 + 2 ** 99, 2 ** 100 - 2 ** 101)
print(abs(-2 ** 70), -(-2 ** 70))
print(7 ** 77)
print(len(str(3 ** 500)))
print(2 ** 64 > 2 ** 63, 2 ** 64 == 18446744073709551616)
print(divmod(10 ** 25, 10 ** 12 + 7))
x = 9223372036854775807
print(x + 1, x * 2, -x - 2)
