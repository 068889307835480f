# Integer literals far beyond 64 bits.
a = 123456789012345678901234567890
print(a)
print(a + 1)
print(-a)
print(0xffffffffffffffffffffffffffffffff)
print(0b1 << 100)
print(2**64, 2**63, -2**63)
print(9223372036854775807 + 1)
print(18446744073709551616 - 1)
print(0o7777777777777777777777777)
print(type(a).__name__)
