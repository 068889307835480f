# Complex arithmetic mixed with int, float and bool; abs, bool, pow.
import math

a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, b ** 3, a ** -1, a ** 0, a ** 0.5, a ** b)
print(a + 1, 1 + a, a - 2.5, 2.5 - a, a * 2, 2 * a, a / 2, 2 / a, a + True, False - a, True * a)
print(1j * 1j, 1j ** 2, (1 + 1j) ** 2, (1 + 1j) ** 10, (1 + 1j) ** -3, (2 + 0j) ** 100, 2 ** 1j, 1.5 ** (1 + 1j))
print((-8) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5, 0j ** 0, 0j ** 2, 0j ** 0j, (1 + 2j) ** 101, (1 + 2j) ** 100.5)
print(10 ** 20 + 1j, 1j + 10 ** 20, (1e300 + 1e300j) * 0.5, 1e-300j / 1e300, (1 + 1j) / (1e-300 + 1e-300j))
print(-a, +a, abs(a), abs(-3j), abs(complex(1e308, 1e308)), abs(complex(math.inf, 1)), abs(complex(math.nan, 1)))
print(bool(0j), bool(1j), bool(complex(0, 0.0)), bool(1 + 0j), bool(complex(-0.0, -0.0)), not 0j)
print(sum([1j, 2, 3.5, 1 - 1j]), sum([], 0j), sum((1j for _ in range(5)), 1), math.fsum([1, 2]))
print(complex(1, 2) * complex(0, 1), (1 + 2j) * 1.0, (1 - 0.0j) + 0, complex(0, -0.0) + 0.0, complex(-0.0, 0) * 1)
c = 1 + 1j
c += 1
c *= 2j
c -= 0.5
c /= 2
c **= 2
print(c)
print(divmod(7, 2), pow(1j, 2), pow(2, 1j), pow(1 + 1j, -2), (1 + 1e-10j) ** 1e10 != 0)
print((1 + 2j) / (3 + 4j), (1 + 2j) / (4 + 3j), 1 / (1 + 1j), 1j / 1j, (5 + 0j) / 2, (1e308 + 1e308j) / (1e308 + 1e308j))
for expr in ["1j / 0", "1 / 0j", "1j / 0.0", "(1 + 1j) / complex(0, 0)", "0j ** -1", "0j ** 1j", "0j ** -1.5",
             "(1e200 + 1j) ** 2", "(10 + 0j) ** 400", "pow(1j, 2, 3)", "pow(2, 1j, 3)", "1j // 2", "1j % 2",
             "divmod(1j, 2)", "divmod(2, 1j)", "2 // 1j", "1j << 1", "1j & 1", "~1j", "1j + 'a'", "'a' * 1j",
             "[1] * 1j", "1j @ 1j", "(1 + 1j) ** 'x'", "complex(10 ** 400, 0)", "1j + 10 ** 400", "abs(complex(1e308, 1e308) * 2)"]:
    try:
        print(expr, "=", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)
