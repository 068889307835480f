# Imaginary literals, complex() construction and repr/str.
import math

print(1j, 2.5J, 1e3j, 0j, 1_000j, .5j, 1.j, 0e0j, 1E-3j, 123456789012345678901234567890j)
print(-0j, -1j, +1j, -(1j), 1 + 2j, 1 - 2j, -1 - 2j, 0 + 0j, 0.0 - 0j)
print(repr(1 + 0j), str(2 - 0j), repr(complex(-0.0, 0.0)), repr(complex(0.0, -0.0)), repr(complex(-0.0, -0.0)))
print(complex(1.5e20, 0), complex(1e16, 1e-5), complex(0, 1e100), complex(123.456, -7.25), complex(1e-7, 3))
print(complex(math.nan, math.inf), complex(-math.inf, math.nan), complex(1, -math.nan), complex(0, math.inf))
print(complex(), complex(1), complex(2.5), complex(True), complex(1, 2), complex(1.5, -2.5), complex(10**20, 3))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(2, 1j), complex(real=3, imag=4), complex(imag=2))
for s in ["1+2j", "  (1+2j)  ", "-1.5e3-2.5J", "j", "-j", "+j", "3j", "1e5-J", "infj", "-inf+nanj",
          "nan", "1_000.5+2_0j", "( 7 )", "1e+3+1e-3j", "4.", ".5j", "1+j", "2-j", "Infinity-infinityj"]:
    print(repr(s), complex(s))
for bad in ["", "1 + 2j", "1+", "j1", "1jj", "(1+2j", "1+2j)", "x", "1e", "1.2.3", "++1j", "()", "1__0j", "_1j"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)


class WithComplex:
    def __complex__(self):
        return 5 - 6j


class WithFloat:
    def __float__(self):
        return 2.5


class WithIndex:
    def __index__(self):
        return 7


class BadComplex:
    def __complex__(self):
        return 1


print(complex(WithComplex()), complex(WithFloat()), complex(WithIndex()), complex(WithFloat(), WithIndex()))
for args in [("1", 2), (1, "2"), ([],), (1, []), (None,), (b"1",), (BadComplex(),), (1, 2, 3)]:
    try:
        complex(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    complex(nope=1)
except TypeError as e:
    print("TypeError:", e)
z = 3 + 4j
print(z.real, z.imag, type(z.real).__name__, z.conjugate(), (1 - 0j).conjugate(), z.__complex__(), complex.conjugate(z))
print(type(z), type(z).__name__, isinstance(z, complex), isinstance(1, complex), isinstance(z, (int, float)))
print(complex.__name__, type(1j) is complex, z.__repr__(), z.__str__(), str([1j, 2 + 3j]), repr((1j,)))
print(f"{z}", f"{z!r}", "%s and %r" % (z, -z), "{} {}".format(1j, complex(1, -1)))
import copy

print(copy.copy(z), copy.deepcopy([z, {1j: 2 - 1j}]), copy.copy(z) is z)
