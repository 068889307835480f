# type() with one and three arguments.
print(type(1), type('s'), type([]), type(None), type(type), type(len))
print(type(1) is int, type(True) is bool, type(1.0) == float)
Dyn = type('Dyn', (object,), {'x': 5, 'get': lambda self: self.x * 2})
d = Dyn()
print(Dyn.__name__, d.x, d.get(), isinstance(d, Dyn))
Sub = type('Sub', (Dyn,), {})
print(Sub().get(), [c.__name__ for c in Sub.__mro__])
class C:
    def m(self):
        pass
print(type(C()), type(C), C)
print(type(print), type(lambda: 0), type(C().m), type(iter([])))
