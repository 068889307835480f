from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def area(self): return 4
print(type(Shape) is ABCMeta, type(Sq).__name__, isinstance(Sq(), Shape), issubclass(Sq, Shape), issubclass(int, Shape))
class Duck:
    def area(self): return 1
Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape), isinstance(3, Shape))
try:
    Shape()
except TypeError as e:
    print(e)
class Both(Sq):
    def __init__(self, x): self.x = x
print(Both(3).x, Both.__abstractmethods__)
try:
    Shape.register(3)
except TypeError as e:
    print(e)
