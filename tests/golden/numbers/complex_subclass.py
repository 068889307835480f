# Subclassing complex: construction, arithmetic results, repr, methods.


class Point(complex):
    def __repr__(self):
        return f"Point({self.real}, {self.imag})"

    def norm(self):
        return abs(self)


p = Point(3, 4)
print(p, repr(p), str(p), p.norm(), p.real, p.imag, type(p).__name__, isinstance(p, complex))
print(p + 1, type(p + 1).__name__, p * 1j, -p, type(-p).__name__, p == 3 + 4j, hash(p) == hash(3 + 4j))
print(complex(p), type(complex(p)).__name__, p.conjugate(), Point("1+2j"), Point(), Point(1j))


class Plain(complex):
    pass


q = Plain(1, -1)
print(q, repr(q), q + q, q ** 2, abs(q), bool(Plain()), f"{q:.1f}", {q: 1}[1 - 1j])
