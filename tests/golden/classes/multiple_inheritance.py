# Multiple inheritance and the C3 MRO.
class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B>' + super().who()
class C(A):
    def who(self):
        return 'C>' + super().who()
class D(B, C):
    def who(self):
        return 'D>' + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z(X, Y): pass
print([k.__name__ for k in Z.__mro__])
class Mixin:
    def greet(self):
        return 'hello from ' + type(self).__name__
class Base:
    pass
class Thing(Mixin, Base):
    pass
print(Thing().greet())
try:
    class Bad(A, D):
        pass
except TypeError as e:
    print('TypeError', e)
class E(C, B): pass
print([k.__name__ for k in E.mro()])
