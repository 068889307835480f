# An exception in __del__ is reported ("Exception ignored in") and the
# program goes on; the exit status stays 0.
class Bad:
    def __del__(self):
        raise ValueError("boom in __del__")


b = Bad()
del b
print("after del")


def f():
    Bad()
    return "f returned"


print(f())
try:
    raise KeyError("k")
except KeyError:
    x = Bad()
    del x
    import sys
    print("still handling", sys.exc_info()[0].__name__)


class Exits:
    def __del__(self):
        raise SystemExit(3)


e = Exits()
del e
print("end")
