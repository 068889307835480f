# Literal, singleton, capture, wildcard and value patterns.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class K:
    A = "a"

    class Inner:
        B = 2.5


def lit(x):
    match x:
        case 0:
            return "int zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.5:
            return "minus two and a half"
        case "hello":
            return "greeting"
        case "con" "cat":
            return "concatenated"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "red"
        case K.A:
            return "K.A"
        case K.Inner.B:
            return "K.Inner.B"
        case 10 | 20 | 30:
            return "tens"
        case other:
            return f"other {other!r}"


for v in [0, -1, 1.5, -2.5, "hello", "concat", b"raw", None, True, False, 1, 1.0, 0.0,
          Color.RED, Color.GREEN, "a", 2.5, 10, 20, 30, 40, "x", [], (), 2]:
    print(repr(v), "->", lit(v))

# 1 == True, but True is compared with `is`
match 1:
    case True:
        print("1 is True?")
    case 1:
        print("1 matched 1")

match 0.0:
    case False:
        print("0.0 is False?")
    case 0:
        print("0.0 == 0")


class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called with", other)
        return other == 42


match Eq():
    case 41:
        print("41?")
    case 42:
        print("42 via __eq__")

match 5:
    case _:
        print("wildcard")

match 7:
    case x:
        print("captured", x)
print("x after match", x)

n = 0
for item in ["a", 1, None, 2.0]:
    match item:
        case str():
            n += 1
        case _:
            n += 10
print("n", n)

# the subject is evaluated once
calls = []


def subject():
    calls.append(1)
    return 3


match subject():
    case 1:
        pass
    case 2:
        pass
    case 3:
        print("three, calls", len(calls))

# a tuple subject without parentheses
match 1, 2:
    case (1, 2):
        print("tuple subject")

# no case matches: nothing happens
match 99:
    case 1:
        print("no")
print("after unmatched match")


def in_loop():
    out = []
    for i in range(6):
        match i % 3:
            case 0:
                continue
            case 1:
                out.append("one")
            case _:
                if i > 4:
                    break
                out.append("two")
    return out


print(in_loop())


def returns(v):
    while True:
        match v:
            case 1:
                return "returned inside match in loop"
            case _:
                return "default"


print(returns(1), returns(2))
