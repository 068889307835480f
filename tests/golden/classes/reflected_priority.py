# A subclass's reflected method wins over the base's forward method.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return f'Num.__add__({self.v}, {getattr(o, "v", o)})'
    def __radd__(self, o):
        return f'Num.__radd__({self.v}, {getattr(o, "v", o)})'
class Sub(Num):
    def __radd__(self, o):
        return f'Sub.__radd__({self.v}, {getattr(o, "v", o)})'
print(Num(1) + Num(2))
print(Num(1) + Sub(2))
print(5 + Num(3))
print(Num(3) + 5)
class Bits:
    def __and__(self, o): return 'and'
    def __or__(self, o): return 'or'
    def __xor__(self, o): return 'xor'
    def __lshift__(self, o): return 'lshift'
    def __rshift__(self, o): return 'rshift'
    def __rand__(self, o): return 'rand'
    def __ror__(self, o): return 'ror'
    def __invert__(self): return 'invert'
b = Bits()
print(b & 1, b | 1, b ^ 1, b << 1, b >> 1, 1 & b, 1 | b, ~b)
