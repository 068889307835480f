from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), isinstance(p, tuple))
print(Point._fields, p._asdict())
print(p._replace(x=5), Point._make([3, 4]))
x, y = p
print(x + y, p == (1, 2), hash(p) == hash((1, 2)))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3(1, 2), P3._field_defaults)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError")
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", "a _b")
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", "class")
except ValueError as e:
    print(e)
print(namedtuple("R", "a def", rename=True)._fields)
try:
    p._replace(z=1)
except ValueError as e:
    print(e)
try:
    Point._make([1])
except TypeError as e:
    print(e)
class Sub(namedtuple("Base", "a b")):
    def total(self):
        return self.a + self.b
print(Sub(2, 3).total(), Sub(2, 3))
print(sorted([Point(2, 1), Point(1, 5)]))
