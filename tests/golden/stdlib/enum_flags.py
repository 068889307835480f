from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


print(list(Perm), [p.value for p in Perm], len(Perm))
rw = Perm.R | Perm.W
print(rw, repr(rw), rw is Perm.RW, rw.name, rw.value)
print(Perm.R in rw, Perm.X in rw, bool(Perm(0)), repr(Perm(0)), str(Perm(0)))
print(repr(~Perm.R), repr(Perm.R & Perm.W), repr(rw ^ Perm.R), list(Perm.R | Perm.X), len(rw))
print(Perm(7), repr(Perm(5)), Perm['W'], Perm.RW.value)
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", e)
try:
    Perm.R | 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 in Perm.R
except TypeError as e:
    print("TypeError:", e)


class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


m = Mode.R | Mode.W
print(m, repr(m), str(Mode.R), repr(Mode.R | 1), Mode.R + 1, m & 2, repr(m & 2))
print(repr(Mode(9)), repr(Mode(0)), repr(~Mode.R), isinstance(m, int), m == 6, list(m))
print(format(Mode.W), f"{m:>3}", Mode(7) is Mode(7), Mode.W in m)


class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = RED | GREEN | BLUE


print(list(Color), repr(Color.WHITE), repr(Color.RED | Color.BLUE), repr(~Color.WHITE))
print(repr(Color(3)), Color(3) in Color.WHITE, repr(Perm), repr(Mode))
