class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("M.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("M.__call__", cls.__name__, a, k)
        return super().__call__(*a, **k)
    def hello(cls):
        return "hello from " + cls.__name__
    def __repr__(cls):
        return "<M class " + cls.__name__ + ">"
    def __len__(cls):
        return 42
    def __iter__(cls):
        return iter([1, 2, 3])
    def __contains__(cls, x):
        return x == 7
    def __getitem__(cls, k):
        return k * 2

class C(metaclass=M):
    x = 1
    def __init__(self, v):
        self.v = v
    def meth(self):
        return self.v

print(type(C) is M, isinstance(C, M), isinstance(C, type), C.tag)
c = C(5)
print(c.v, c.meth(), type(c) is C, isinstance(c, C))
print(C.hello())
print(repr(C), str(C), len(C), list(C), 7 in C, 8 in C, C[21])
print(bool(C))

class D(C, flag=1):
    pass
print(type(D) is M, D.tag, D(3).v)

class Other(type):
    pass
class E(metaclass=Other):
    pass
try:
    class F(C, E):
        pass
except TypeError as e:
    print("TypeError:", e)

X = type("X", (C,), {"y": 2})
print(type(X) is M, X.y, X.tag)

class Single(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]

class S(metaclass=Single):
    def __init__(self):
        print("S init")
a = S(); b = S()
print(a is b)

class Plain(type):
    pass
class P(metaclass=Plain):
    def __init__(self, a, b=2):
        self.a, self.b = a, b
p = P(1, b=3)
print(p.a, p.b, type(P).__name__, P.__class__.__name__)
print(repr(P))
N = Plain("N", (), {"z": 9})
print(N.z, type(N) is Plain, N.__name__)
T = type.__new__(Plain, "T", (), {})
print(type(T) is Plain)
print(type(M), M.__mro__)

class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class Q(metaclass=Prep, opt=2):
    pass
print(Q.injected)

def fmeta(name, bases, ns):
    return 42
class R(metaclass=fmeta):
    pass
print(R)

try:
    type.__new__(int, "a", (), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type.__new__(M, "a", ())
except TypeError as e:
    print("TypeError:", e)
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)

class Meta2(M):
    pass
class G(metaclass=Meta2):
    pass
class H(G, C):
    pass
print(type(H).__name__)
try:
    len(P)
except TypeError as e:
    print("TypeError:", e)

class WithInitSub:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class K(WithInitSub, metaclass=Plain, color="red"):
    pass
