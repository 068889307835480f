# A template-method pattern with NotImplementedError.
class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + '.area')
    def describe(self):
        return f'{type(self).__name__} with area {self.area():.2f}'
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.141592653589793 * self.r ** 2
for s in [Square(2), Circle(1)]:
    print(s.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print('NotImplementedError', e)
shapes = sorted([Square(3), Circle(1), Square(1)], key=lambda s: s.area())
print([type(s).__name__ for s in shapes])
