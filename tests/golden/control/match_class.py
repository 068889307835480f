# Class patterns: __match_args__, keywords, builtin self-matching types.
import dataclasses


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point3(x, y, z=0):
            return f"flat 3d {x} {y}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere {p}"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point3(1, 2, 0), Point3(1, 1, 1), Point(2, 2), Point(1, 2),
          Point3(0, 0, 9), 5, "p"]:
    print(p, "->", where(p))


def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case bytearray(b):
            return f"bytearray {b!r}"
        case list(l):
            return f"list {l}"
        case tuple(t):
            return f"tuple {t}"
        case dict(d):
            return f"dict {d}"
        case set(s):
            return f"set {sorted(s)}"
        case frozenset(s):
            return f"frozenset {sorted(s)}"
        case _:
            return "other"


for v in [True, 3, 2.5, "s", b"b", bytearray(b"ba"), [1], (1,), {"a": 1}, {1, 2}, frozenset({3}), None]:
    print(repr(v), "->", builtin(v))

match 5:
    case int(5):
        print("int(5) matched")

match 5:
    case int(real=r, imag=i):
        print("int attributes", r, i)

match "abc":
    case str(upper=u):
        print("bound method attribute is found:", callable(u))


class NoArgs:
    pass


match NoArgs():
    case NoArgs():
        print("NoArgs() matches an instance")

match NoArgs():
    case object():
        print("object() matches everything")


class WithProp:
    __match_args__ = ("value",)

    @property
    def value(self):
        print("property read")
        return 10


match WithProp():
    case WithProp(10):
        print("property matched")


class Missing:
    __match_args__ = ("nothere",)


match Missing():
    case Missing(x):
        print("no")
    case Missing():
        print("missing attribute means no match")


@dataclasses.dataclass
class DC:
    a: int
    b: str = "b"


match DC(1):
    case DC(a=1, b=b):
        print("dataclass keywords", b)


class Node:
    __match_args__ = ("left", "right")

    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right


def depth(t):
    match t:
        case Node(None, None):
            return 1
        case Node(l, None):
            return 1 + depth(l)
        case Node(None, r):
            return 1 + depth(r)
        case Node(l, r):
            return 1 + max(depth(l), depth(r))


print("depth", depth(Node(Node(Node()), Node())))


class MyInt(int):
    pass


match MyInt(7):
    case int(x):
        print("int subclass self-match", x)

match MyInt(7):
    case MyInt(x):
        print("MyInt self-match", x)

match [Point(1, 2), Point(3, 4)]:
    case [Point(x1, y1), Point(x2, y2)]:
        print("points in list", x1 + x2, y1 + y2)

match {"p": Point(1, 1)}:
    case {"p": Point(x=1) as pt}:
        print("as pattern on class", pt)
