# Large literals and their string forms.
n = 10 ** 50
print(n)
print(len(str(2 ** 1000)))
print(str(2 ** 200)[:20])
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 65))
print(-(2 ** 100) // 3)
print(int('1' * 40))
print(0xFFFF_FFFF_FFFF_FFFF_FFFF)
