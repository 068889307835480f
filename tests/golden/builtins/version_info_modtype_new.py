# sys.version_info as a struct sequence, sys.hexversion, types.ModuleType,
# and __new__ of the builtin types called directly.
import sys
import types

vi = sys.version_info
print(vi)
print(vi.major, vi.minor, vi.micro, vi.releaselevel, vi.serial)
print(vi[0], vi[:2], tuple(vi), len(vi))
print(vi >= (3, 8), vi < (3, 0), vi[:2] == (3, 11), vi == (3, 11, 7, "final", 0))
print("%d.%d" % vi[:2], type(vi).__name__)
major, minor, *rest = vi
print(major, minor, rest)
print(sys.hexversion == (vi.major << 24 | vi.minor << 16 | vi.micro << 8 | 0xF0))
try:
    vi.major = 4
except AttributeError as e:
    print("AttributeError")

m = types.ModuleType("mymod")
print(m, m.__name__, m.__doc__)
m.x = 5
print(m.x, isinstance(m, types.ModuleType), type(m) is type(sys))
m2 = types.ModuleType("other", "its doc")
print(m2.__doc__, m2)
print(types.ModuleType(name="kw"))
for bad in [(), (5,), ("a", "b", "c")]:
    try:
        types.ModuleType(*bad)
    except TypeError as e:
        print("TypeError:", e)

print(int.__new__(int, 5), int.__new__(int, "7"), int.__new__(int, "ff", 16))
print(str.__new__(str, "a"), float.__new__(float, "1.5"), tuple.__new__(tuple, [1, 2]))
print(bool.__new__(bool, 1), frozenset.__new__(frozenset, [1]) == frozenset({1}))
print(list.__new__(list, [1]), dict.__new__(dict, a=1), set.__new__(set, [1]))


class MyInt(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


x = MyInt(4)
print(x, type(x).__name__, x + 1, int.__new__(MyInt, 7), type(int.__new__(MyInt, 7)).__name__)


class Upper(str):
    def __new__(cls, v):
        obj = str.__new__(cls, v.upper())
        obj.extra = 1
        return obj


u = Upper("hi")
print(u, u.extra, type(u).__name__, u + "!")
