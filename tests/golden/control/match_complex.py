# Complex literals in match patterns.


def classify(z):
    match z:
        case 0j:
            return "zero"
        case 1 + 2j:
            return "one plus two j"
        case -1j:
            return "minus j"
        case 3 - 4j:
            return "three minus four j"
        case -1.5 + 0.5j | -1.5 - 0.5j:
            return "conjugate pair"
        case 2j | 5j:
            return "two or five j"
        case [1j, *rest]:
            return f"list starting with 1j, rest {rest}"
        case {"z": 1 + 1j}:
            return "mapping with 1+1j"
        case complex(real=r, imag=0.0):
            return f"real complex {r}"
        case complex():
            return "some complex"
        case _:
            return "not complex"


for v in [0j, 0, 0.0, 1 + 2j, complex(1, 2), -1j, 1j * -1, 3 - 4j, -1.5 + 0.5j, complex(-1.5, -0.5), 2j, 5j,
          [1j, 2, 3], {"z": 1 + 1j}, 7 + 0j, 4 + 4j, "x", 1]:
    print(repr(v), "->", classify(v))
