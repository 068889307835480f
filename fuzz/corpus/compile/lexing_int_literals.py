# Decimal, hex, octal and binary integer literals, with and without underscores.
print(0, 7, 42, 1234567890)
print(0x0, 0xff, 0XFF, 0xDead_Beef)
print(0o0, 0o17, 0O777, 0o1_000)
print(0b0, 0b1010, 0B1111_0000)
print(1_000_000, 1_2_3)
print(00, 000)
print(-0x10, +0b11, -0o7)
print(type(0x10).__name__)
