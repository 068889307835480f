# OR patterns, AS patterns and guards.


def f(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case [1, _] | [_, 1]:
            return "pair with a one"
        case (0, y) | (y, 0):
            return f"axis {y}"
        case {"a": v} | {"b": v}:
            return f"a or b {v}"
        case str() | bytes():
            return "text"
        case [x, y] as pair if x < y:
            return f"ascending {pair}"
        case [x, y] as pair:
            return f"pair {pair} x={x} y={y}"
        case (int() | float()) as num if num > 100:
            return f"big number {num}"
        case int(n) | float(n) if n < 0:
            return f"negative {n}"
        case _:
            return "other"


for v in [1, 2, 3, 4, [1, 5], [5, 1], (0, 7), (8, 0), {"a": 1}, {"b": 2}, {"c": 3}, "s", b"b",
          [2, 3], [3, 2], 1000, 100.5, -5, -0.5, 50, None]:
    print(repr(v), "->", f(v))

guard_calls = []


def g(v):
    guard_calls.append(v)
    return v > 1


for v in [1, 2]:
    match v:
        case n if g(n):
            print("guard true for", n)
        case n:
            print("guard false for", n)
print("guard calls", guard_calls)

match [1, 2, 3]:
    case [*_, last] as whole:
        print("as with star", last, whole)

match 5:
    case (1 | 2) as small:
        print("no")
    case (4 | 5) as mid:
        print("mid", mid)

match (1, 2):
    case (a, b) | [b, a]:
        print("or with same names", a, b)

match [3, 4]:
    case (a, b) | [b, a]:
        print("list also matches the first alternative", a, b)

match 0:
    case 0 if False:
        print("no")
    case 0 if True:
        print("second guard")

x = 10
match 3:
    case y if (z := y * x) > 20:
        print("walrus in guard", z)

match "go north":
    case "go north" | "north":
        print("north")

match ["go", "east"]:
    case ["go", ("north" | "south" | "east" | "west") as direction]:
        print("going", direction)


def nested_or(v):
    match v:
        case [(1 | 2), (3 | 4)] | [5, 6]:
            return "yes"
        case _:
            return "no"


print([nested_or(v) for v in [[1, 3], [2, 4], [5, 6], [1, 5], [6, 5]]])

match 1:
    case 1 | 1.0 as v:
        print("first alternative wins", repr(v))

match 1.0:
    case 2 | 1 as v:
        print("equal float", repr(v))


def guard_raises(v):
    match v:
        case n if 1 / n:
            return "ok"
        case _:
            return "zero?"


try:
    guard_raises(0)
except ZeroDivisionError as e:
    print("guard raised", e)
print(guard_raises(2))
