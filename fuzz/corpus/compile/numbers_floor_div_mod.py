# Floor division and modulo follow the sign of the divisor.
for a in (7, -7):
    for b in (2, -2):
        print(a, b, a // b, a % b, divmod(a, b))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(7 // 2.0, -7 % 2.5, 5 % -3.0)
print(0 // 5, 0 % 5, -0.0 % 5)
print(1 % 0.3)
print(10 ** 20 // 7, -(10 ** 20) // 7, 10 ** 20 % -7)
print(-1 // 10 ** 30, -1 % 10 ** 30)
