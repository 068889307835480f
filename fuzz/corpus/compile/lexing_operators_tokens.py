# Multi-character operator tokens.
a = 10
a += 1; a -= 2; a *= 3; a //= 2; a %= 7; a **= 2
print(a)
b = 6
b <<= 2; b >>= 1; b &= 0b1110; b |= 1; b ^= 0b100
print(b)
c = 7.0
c /= 2
print(c)
print(1 <= 2 >= 1 != 3 == 3, 2 ** -1, ~5, -~5)
print(5 // 2, 5 % 2, 1 << 3, 16 >> 2, 6 & 3, 6 | 3, 6 ^ 3)
print((x := 4) * 2, x)
print([1, 2, 3][::-1], {1: 2}.get(1), (lambda: ...)())
