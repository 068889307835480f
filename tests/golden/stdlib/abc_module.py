# abc: abstract methods block instantiation until every one is overridden.
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)
sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), Shape.__abstractmethods__ == {"area", "perimeter"})
print(sorted(Half.__abstractmethods__), Square.__abstractmethods__)


class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...


class Impl(Base):
    @property
    def name(self):
        return "impl"

    @classmethod
    def make(cls):
        return cls()


try:
    Base()
except TypeError as e:
    print("TypeError", e)
print(Impl.make().name, ABC() is not None)


class Plain(ABC):
    pass


print(type(Plain()).__name__)
