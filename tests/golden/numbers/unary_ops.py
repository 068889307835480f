# Unary operators.
x = 5
print(-x, +x, ~x, not x, --x, -(-x), ~~x)
print(-0.0, +(-0.0), -(2 ** 70), ~(2 ** 70))
print(-True, +True, ~True, ~False)
y = -3.5
print(-y, +y, abs(y))
