# format() / f-string specs for complex, and conversions that CPython refuses.
import json
import math

z = 3.14159 + 2.71828j
print(f"{z:.2f}", f"{z:>20}", f"{z:<20}|", f"{z:^24}|", f"{z:*^24}", f"{z:.3}", f"{z:e}", f"{z:.1E}")
print(f"{z:g}", f"{z:G}", f"{z:+.2f}", f"{z: .2f}", f"{-z:.2f}", f"{1j:.2f}", f"{1j:}", f"{1j:10}|", f"{-1j:g}")
print(f"{1e20 + 1e-20j:g}", f"{complex(1234567, -89):,.1f}", f"{complex(1234567, 1):_g}", f"{z:#.0f}", f"{z:n}")
print(format(z), format(z, ""), format(1 + 2j, "10"), format(complex(-0.0, 0), ""), format(complex(math.nan, math.inf), ">15"))
print(format(2j, "+"), format(2 + 0j, "+"), format(complex(1, -1), " "), format(1.5 + 2.5j, ".1"), "{:8.3f}".format(1 - 1j))
print(f"{complex(0, 1.5):.0f}", f"{complex(0.001, 1e-8):.2e}", f"{complex(1e16, 1):}", f"{complex(100, 200):.3g}")
for spec in ["d", "%", "x", "010", "0>10", "=10", "s", "c"]:
    try:
        print(format(z, spec))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for expr in ["int(1j)", "float(1j)", "round(1j)", "round(1j, 2)", "math.sqrt(1j)", "math.floor(1 + 0j)",
             "math.isnan(1j)", "math.log(1j)", "'%d' % 1j", "'%f' % 1j", "'%x' % 1j", "'%s|%r' % (1j, 2j)",
             "json.dumps(1j)", "json.dumps([1, 2j])", "range(1j)", "chr(1j)", "int('1j')",
             "float('1j')", "len(1j)", "iter(1j)", "1j.real", "1j.foo", "(1j).imag", "hex(1j)", "bin(0j)"]:
    try:
        print(expr, "=", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)
