class M(type):
    meta_attr = 5
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)
    def __getattr__(cls, name):
        return "dyn-" + name
    def __subclasscheck__(cls, sub):
        return sub is int

class C(metaclass=M):
    def f(self):
        return super().__repr__()[:10]
    @classmethod
    def g(cls):
        return super().__name__ if False else cls.__name__

print(C.meta_attr, C.anything, C().f(), C.g(), C.mro(), M.mro(M))
try:
    C().meta_attr
except AttributeError as e:
    print("AttributeError:", e)
print(issubclass(int, C), issubclass(str, C))
print(C.__qualname__, C.__module__, C.__name__)

class Weird(type):
    def __new__(mcls, name, bases, ns):
        return 42
class W(metaclass=Weird):
    pass
print(W)

class Counter(type):
    count = 0
    def __call__(cls, *args, **kwargs):
        Counter.count += 1
        return super().__call__(*args, **kwargs)
class P(metaclass=Counter):
    def __init__(self, x=0):
        self.x = x
class Q(P):
    pass
ps = [P(1), Q(2), P(x=3)]
print(Counter.count, [p.x for p in ps], type(Q).__name__)

class AttrMeta(type):
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns, **kw)
        cls.fields = [k for k in ns if not k.startswith('_')]
class Rec(metaclass=AttrMeta):
    a = 1
    b = 2
    def m(self): pass
print(Rec.fields)
print(type.__call__(Rec).__class__.__name__)
print(callable(type(Rec).__call__))
print(type.__repr__(Rec))
