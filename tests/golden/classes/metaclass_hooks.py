class Frozen(type):
    def __setattr__(cls, name, value):
        if name.startswith("_"):
            return super().__setattr__(name, value)
        raise AttributeError(f"cannot reassign {name!r}")
    def __delattr__(cls, name):
        raise AttributeError(f"cannot delete {name!r}")
    @property
    def members(cls):
        return sorted(k for k in cls.__dict__ if not k.startswith("_"))
    def __str__(cls):
        return "str of " + cls.__name__

class A(metaclass=Frozen):
    a = 1
    b = 2
print(A.members, str(A), repr(A))
try:
    A.a = 5
except AttributeError as e:
    print("AttributeError:", e)
A._private = 3
print(A._private)
try:
    del A.a
except AttributeError as e:
    print("AttributeError:", e)
print(A.a)

class Reg(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            Reg.registry.append(name)
class Base(metaclass=Reg): pass
class One(Base): pass
class Two(Base): pass
print(Reg.registry)

class G:
    def __class_getitem__(cls, item):
        return ("cgi", item)
print(G[int])

try:
    class Bad(type, int): pass
except TypeError as e:
    print("TypeError:", e)

class Cnt(type):
    def __instancecheck__(cls, obj):
        return obj == 3
class Three(metaclass=Cnt): pass
print(isinstance(3, Three), isinstance(4, Three))

class M(type):
    def create(cls, *args):
        return cls(*args)
    @classmethod
    def meta_cm(mcls):
        return mcls.__name__
class W(metaclass=M):
    def __init__(self, x): self.x = x
print(W.create(9).x, M.meta_cm(), W.__class__ is M)
print(type(type), type(M), issubclass(M, type), isinstance(M, type))
print(callable(W))
class N(M): pass
print(N.__mro__)
o = type("O", (), {})
print(o, type(o))
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["added"] = "yes"
        return type.__new__(mcls, name, bases, ns)
class Z(metaclass=Meta): pass
print(Z.added, type(Z).__name__)
class ZZ(Z): pass
print(ZZ.added, type(ZZ).__name__)
try:
    class Q(metaclass=Meta, extra=1): pass
except TypeError as e:
    print("TypeError:", e)
