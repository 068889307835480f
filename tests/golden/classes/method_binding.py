# Bound and unbound methods.
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
a, b = C(1), C(2)
m = a.get
print(m(), C.get(b), m.__self__ is a, m.__func__ is C.get)
print(type(m).__name__, type(C.get).__name__)
methods = [x.get for x in (a, b)]
print([f() for f in methods])
a.get = lambda: 'instance attribute wins'
print(a.get(), b.get())
def external(self):
    return 'external ' + str(self.v)
C.ext = external
print(b.ext())
print(a.get is a.get, a.__init__ == a.__init__)
