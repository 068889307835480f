# cmath on infinities and NaNs, for the functions whose special values
# pyl reproduces (C99 Annex G, CPython's domain errors).
import cmath
import math

inf, nan = math.inf, math.nan
parts = (inf, -inf, nan, 1.0, -2.0, 0.0, -0.0)
for name in ["sqrt", "exp", "log", "log10", "cosh", "sinh", "tanh", "cos", "sin", "tan", "atanh", "atan"]:
    f = getattr(cmath, name)
    row = []
    for a in parts:
        for b in parts:
            try:
                row.append(repr(f(complex(a, b))))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__)
    print(name, " ".join(row))
print(cmath.rect(inf, 1), cmath.rect(-inf, 2), cmath.rect(inf, 0.0), cmath.rect(0, 1e300))
for args in [(1, inf), (inf, inf), (0.0, inf)]:
    try:
        print(cmath.rect(*args))
    except ValueError as e:
        print(args, "ValueError:", e)
print(cmath.phase(complex(-inf, 0.0)), cmath.phase(complex(-1, -0.0)), cmath.polar(complex(inf, nan)))
print(cmath.isinf(complex(nan, inf)), cmath.isnan(complex(inf, nan)), cmath.isfinite(complex(1, nan)))
