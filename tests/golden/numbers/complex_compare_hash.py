# Equality, ordering errors, hashing and dict/set behaviour of complex.
print(1 + 0j == 1, 1 == 1 + 0j, 1.5 + 0j == 1.5, 1j == 1j, 1j != 1j, 1j == 1, 2 + 0j != 2, True == 1 + 0j)
print(0j == 0, 0j == False, complex(0, -0.0) == 0, 1j == "1j", 1j == None, 1j in [1, 1j], 2 in [2 + 0j])
print(10 ** 20 + 0j == 10 ** 20, 2 ** 53 + 1 == complex(2 ** 53 + 1, 0), float("nan") + 0j == float("nan") + 0j)
print(hash(1j), hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(0j), hash(-1 + 0j), hash(3 + 4j))
print(hash(complex(-1, 0)), hash(complex(1e300, -1e-300)), hash(complex(0, -1)), hash(complex(float("inf"), 1)))
print(hash(2 ** 61 + 0j), hash((1j, 2)), hash(complex(-2, 1)), hash(1j) == hash(complex(0, 1.0)))
d = {1: "int one", 2.5: "float", 1j: "imag", (1j, 2): "tuple"}
print(d[1 + 0j], d[2.5 + 0j], d[complex("1j")], d[(1j, 2 + 0j)], 1 + 0j in d, 2j in d)
d[1 + 0j] = "replaced"
print(d)
print({1, 1 + 0j, 1.0, 2j, complex(0, 2)}, len({0j, 0, 0.0, False, -0j}))
for expr in ["1j < 1j", "1j <= 2", "2 > 1j", "1j >= 1.5", "sorted([1j, 2j])", "max(1j, 2j)", "min([1, 1j])", "1j < 'a'"]:
    try:
        print(eval(expr))
    except TypeError as e:
        print(expr, "-> TypeError:", e)
