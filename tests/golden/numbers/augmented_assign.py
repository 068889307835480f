# Augmented assignment on numbers.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x **= 3; print(x)
x %= 5; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 0b0001; print(y)
y ^= 0b1111; print(y)
y <<= 3; print(y)
y >>= 2; print(y)
z = 2 ** 62
z *= 4; print(z)
