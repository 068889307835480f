# dataclasses: generated methods, fields, defaults, frozen, order, helpers.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, make_dataclass
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), p.x, Point.__init__.__qualname__)
print(Point(y=5, x=4), Point.__match_args__, Point.__hash__)
try:
    Point()
except TypeError as e:
    print("TypeError", e)

@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    total: ClassVar[int] = 0
    secret: str = field(default="s", compare=False)

a = Inventory("a")
b = Inventory("b")
a.items.append("x")
print(a, b, a.items is not b.items, Inventory.total, Inventory("a", ["x"], 5, "t") == a)
print([f.name for f in fields(Inventory)], asdict(a), astuple(b))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

vs = sorted([Version(1, 2), Version(0, 9), Version(1, 0)])
print(vs, Version(1) < Version(1, 1), hash(Version(1, 2)) == hash(Version(1, 2)), len({Version(1), Version(1, 0)}))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(replace(vs[0], minor=99), isinstance(FrozenInstanceError(), AttributeError))

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    scale: InitVar[float] = 1.0
    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h

print(Rect(2, 3), Rect(2, 3, 10), [f.name for f in fields(Rect)])

@dataclass
class Point3(Point):
    z: int = 0
    def norm(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

q = Point3(1, -2, 3)
print(q, q.norm(), is_dataclass(q), is_dataclass(Point3), is_dataclass(3), isinstance(q, Point))

@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int

print(Options(level=3))
try:
    Options(True, 3)
except TypeError as e:
    print("TypeError", e)

for bad in ["@dataclass\nclass Bad:\n    items: list = []\n",
            "@dataclass\nclass Bad:\n    a: int = 1\n    b: int\n"]:
    try:
        exec(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))
C = make_dataclass("C", [("a", int), ("b", str, field(default="z"))])
print(C(1), C(2, "q") == C(2, "q"))
print(Point.__eq__(p, 5), hash(p) if Point.__hash__ else "unhashable")
@dataclass(eq=False)
class Plain:
    v: int
print(Plain(1) == Plain(1), hash(Plain(1)) is not None)
