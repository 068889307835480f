# super() in __init__ and cooperative methods.
class Base:
    def __init__(self, x):
        print('Base.__init__', x)
        self.x = x
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        print('Child.__init__', y)
        self.y = y
c = Child(1, 2)
print(c.x, c.y)
class Left(Base):
    def __init__(self, x):
        print('Left')
        super().__init__(x)
class Right(Base):
    def __init__(self, x):
        print('Right')
        super().__init__(x)
class Both(Left, Right):
    def __init__(self):
        print('Both')
        super().__init__('via both')
Both()
class Explicit(Base):
    def __init__(self):
        super(Explicit, self).__init__('explicit')
Explicit()
class WithClassMethod(Base):
    @classmethod
    def make(cls):
        return super().__new__(cls)
print(type(WithClassMethod.make()).__name__)
