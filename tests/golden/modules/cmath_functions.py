# The cmath module on ordinary inputs: every function, constants, errors.
import cmath
import math

vals = [0j, 1, -1, 2.5, 1j, -1j, 1 + 1j, -2.5 + 0.5j, 3 - 4j, 0.5 - 0.25j, 100 + 0j, 1e-310 + 1e-310j,
        1e300 + 1e300j, 0.7 + 0.7j, complex(-0.0, 0.0), complex(0.0, -0.0), -3 - 1e-20j, 1e10j]
for name in ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
             "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]:
    f = getattr(cmath, name)
    print(name)
    for v in vals:
        try:
            print("   ", repr(v), "->", repr(f(v)))
        except (ValueError, OverflowError) as e:
            print("   ", repr(v), "->", type(e).__name__ + ":", e)
for v in vals:
    print(repr(v), cmath.phase(v), cmath.polar(v))
print(cmath.rect(2, math.pi / 4), cmath.rect(1, 0), cmath.rect(0, 1), cmath.rect(1.5, -0.0), cmath.rect(-1, math.pi))
r, phi = cmath.polar(3 + 4j)
print(cmath.rect(r, phi), cmath.isclose(cmath.rect(r, phi), 3 + 4j))
print(cmath.log(8, 2), cmath.log(1j, 1 + 1j), cmath.log(100, 10), cmath.log(-1), cmath.log(1e-300j, 1j))
print(cmath.isfinite(1 + 1j), cmath.isfinite(complex(math.inf, 0)), cmath.isinf(cmath.infj), cmath.isinf(1),
      cmath.isnan(cmath.nanj), cmath.isnan(1j))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10, abs_tol=1e-9),
      cmath.isclose(cmath.infj, cmath.infj), cmath.isclose(cmath.infj, 1), cmath.isclose(1j, 1j + 1e-12))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj, type(cmath.infj).__name__)
print(cmath.sqrt(-4), cmath.sqrt(4), cmath.exp(1j * cmath.pi), cmath.sqrt(2j) ** 2, cmath.exp(cmath.log(5 + 2j)))
print(cmath.sqrt(math.inf), cmath.sqrt(-math.inf), cmath.sqrt(complex(1, math.inf)), cmath.log(math.inf),
      cmath.exp(complex(-math.inf, 1)), cmath.log(complex(-math.inf, 0)))


class C:
    def __complex__(self):
        return 2j


class F:
    def __float__(self):
        return 0.25


print(cmath.sqrt(C()), cmath.exp(F()), cmath.phase(C()), cmath.polar(True))
for expr in ["cmath.log(0)", "cmath.log(0j, 2)", "cmath.log(2, 1)", "cmath.exp(1000)", "cmath.exp(710 + 1j)",
             "cmath.cosh(1000)", "cmath.sinh(-1000)", "cmath.cos(1000j)", "cmath.atanh(1)", "cmath.atanh(-1)",
             "cmath.atan(1j)", "cmath.sqrt('a')", "cmath.sqrt([])", "cmath.rect(1j, 1)", "cmath.rect(1, math.inf)",
             "cmath.isclose(1, 2, rel_tol=-1)", "cmath.isclose(1)", "cmath.polar(complex(1e308, 1e308))",
             "cmath.log()", "cmath.log(1, 2, 3)", "cmath.log(x=1)", "cmath.rect(1)", "cmath.sqrt(x=1)", "cmath.sqrt()", "cmath.phase(1, 2)"]:
    try:
        print(expr, "=", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)
