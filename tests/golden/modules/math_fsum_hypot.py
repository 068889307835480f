# math.fsum (exact partials), hypot/dist (CPython's vector_norm), gamma/lgamma, frexp/ldexp/modf corners.
import math
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([0.1] * 10), math.fsum([1, 1e16, 1e-16]))
print(math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]), math.fsum(range(10)), math.fsum([]), math.fsum(x / 7 for x in range(1, 50)))
print(math.fsum([math.inf, 1.0]), math.fsum([math.nan, 1.0]), math.fsum([-0.0, -0.0]), math.fsum([1e308, -1e308, 1e308]))
for bad in ([math.inf, -math.inf], [1e308, 1e308], ['a'], 3):
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
pts = [(0.3, 0.7), (1e-310, 3e-310), (1e300, 1e300), (123.456, -789.012), (3, 4), (1.1, 2.2, 3.3, 4.4)]
for p in pts:
    print(math.hypot(*p), math.dist(p, [0.5] * len(p)))
print(math.hypot(), math.hypot(-3), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(*range(20)))
try:
    math.dist((1, 2), (1, 2, 3))
except ValueError as e:
    print('ValueError', e)
for x in [0.5, 1.5, 2.5, 3.7, 10.2, 100.5, 170.5, -0.5, -1.5, -2.7, -150.3, 1e-25, 25.0, 30.0]:
    print(x, math.gamma(x), math.lgamma(x))
for f, x in [(math.gamma, 0), (math.gamma, -1), (math.gamma, 172), (math.lgamma, 0), (math.lgamma, -2), (math.gamma, -math.inf)]:
    try:
        print(f(x))
    except (ValueError, OverflowError) as e:
        print(f.__name__, x, type(e).__name__, e)
for x in [0.0, -0.0, 1.5, -1.5, 1e-310, 5e-324, 1e308, 3.0, math.inf, math.nan]:
    print(math.frexp(x), math.modf(x), math.ulp(x), math.nextafter(x, 0))
print(math.ldexp(1.0, -1074), math.ldexp(1.5, -1075), math.ldexp(0.75, -1074), math.ldexp(1, 1023), math.ldexp(-0.0, 5), math.ldexp(3, -10 ** 30))
for a, b in [(1, 1024), (1, 10 ** 30), (1, 1.0)]:
    try:
        print(math.ldexp(a, b))
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
for x in [2, 10 ** 30, 10 ** 400, 2 ** 1023, 2 ** 1024, 3 ** 1000, 7 ** 5000]:
    print(math.log(x), math.log2(x), math.log10(x), math.log(x, 3))
print(math.erf(0.5), math.erfc(3), math.cbrt(-27), math.cbrt(10), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10))
print(math.asinh(1.5), math.acosh(2.5), math.atanh(0.5), math.remainder(7, 3), math.remainder(-7, 2))
