# Sequence patterns: lists, tuples, ranges, star captures; not str/bytes.
import collections


def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a!r}"
        case [a, b]:
            return f"two {a!r} {b!r}"
        case [1, *middle, 9]:
            return f"1..9 middle={middle}"
        case (a, b, c):
            return f"three {a} {b} {c}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case _:
            return "not a sequence"


for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 9], [1, 5, 9], [1, 2, 3, 9], [4, 5, 6],
          (4, 5, 6, 7), range(0), range(1), range(2), range(5), range(1, 10, 4),
          "ab", "abc", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, 5, None, "", b""]:
    print(repr(v), "->", seq(v))


def star(x):
    match x:
        case [*rest]:
            return f"all {rest}"


print(star([1, 2, 3]), star(()), star((1,)))


def head_tail(x):
    match x:
        case [h, *t]:
            return (h, t)
        case []:
            return None


print(head_tail([1, 2, 3]), head_tail([5]), head_tail([]), head_tail((7, 8)))


def nested(x):
    match x:
        case [[a, b], [c, d]]:
            return a + b + c + d
        case [(1, x), *_]:
            return f"starts with (1, {x})"
        case [[*inner], _]:
            return f"inner {inner}"
    return "no"


print(nested([[1, 2], [3, 4]]), nested([(1, 5), 2, 3]), nested([[1, 2, 3], 0]), nested([[1], [2]]))

match 1, 2, 3:
    case a, *b:
        print("open sequence", a, b)

match [1, 2]:
    case a, b:
        print("open sequence on list", a, b)

match (1, [2, 3]):
    case (x, [y, z]) if x + y + z == 6:
        print("guarded nested", x, y, z)


class MyList(list):
    pass


class MyTuple(tuple):
    pass


match MyList([1, 2]):
    case [a, b]:
        print("list subclass", a, b)

match MyTuple((1, 2, 3)):
    case (*a, b):
        print("tuple subclass", a, b)

match collections.OrderedDict(a=1):
    case [x]:
        print("ordered dict as sequence?")
    case _:
        print("ordered dict is not a sequence")

match iter([1, 2]):
    case [a, b]:
        print("iterator matched?")
    case _:
        print("iterators are not sequences")

match "a":
    case [c]:
        print("str matched?")
    case str(c):
        print("str is not a sequence:", c)

match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print("deep", a, b, c, d)

match [0] * 5:
    case [0, 0, *z]:
        print("zeros", z)

match list(range(10)):
    case [0, 1, *mid, 8, 9]:
        print("mid", mid)
    case _:
        print("no mid")

match [1, 2, 3]:
    case [1, 2]:
        print("too short")
    case [1, 2, 3, 4]:
        print("too long")
    case [1, 2, 3, *more]:
        print("exact with empty star", more)
