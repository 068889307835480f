# range bounds are ints of any size, as in CPython; len() and what CPython
# reads as a C ssize_t overflow with CPython's message.
B = 10 ** 20


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


r = range(B)
t("repr", lambda: r)
t("len", lambda: len(r))
t("__len__", lambda: r.__len__())
t("item", lambda: r[5])
t("last", lambda: r[-1])
t("big index", lambda: r[10 ** 19])
t("past end", lambda: r[B])
t("before start", lambda: r[-B - 1])
t("small past end", lambda: range(3)[5])
t("small before start", lambda: range(3)[-4])
t("small, big index", lambda: range(5)[B])
t("bool index", lambda: range(5)[True])
t("float index", lambda: range(5)[1.5])
t("in", lambda: 10 ** 19 in r)
t("stop not in", lambda: B in r)
t("negative not in", lambda: -1 in r)
t("float in", lambda: 5.0 in r)
t("step in", lambda: 10 ** 19 + 1 in range(0, B, 2))
t("slice step", lambda: r[::2])
t("slice", lambda: r[10:20])
t("slice back", lambda: r[::-1])
t("slice tail", lambda: r[-5:])
t("slice big step", lambda: r[::10 ** 19])
t("small slice", lambda: range(10)[::3])
t("small slice back", lambda: range(10)[8:1:-3])
t("small slice past", lambda: range(0, 10, 3)[1:100])
t("slice of slice", lambda: range(100)[10:90:2][5:-5:3])
t("reversed", lambda: next(reversed(r)))
t("iter", lambda: next(iter(r)))
t("list", lambda: list(r))
t("bool", lambda: bool(r))
t("empty big", lambda: bool(range(B, B)))
t("eq", lambda: r == range(0, B))
t("ne", lambda: r == range(0, B, 2))
t("eq one item", lambda: range(B, B + 1, 5) == range(B, B + 1, 7))
t("eq empty", lambda: range(B, 0) == range(5, 5))
t("hash", lambda: hash(r) == hash(range(0, B)))
t("hash small", lambda: hash(range(3)) == hash(range(0, 3, 1)))
t("hash one", lambda: hash(range(4, 5)) == hash(range(4, 6, 3)))
t("index", lambda: r.index(10 ** 19))
t("index missing", lambda: r.index(B))
t("count", lambda: r.count(5))
t("count missing", lambda: r.count(-5))
t("attrs", lambda: (r.start, r.stop, r.step))
t("big step", lambda: range(0, B, 10 ** 19))
t("big step list", lambda: list(range(0, B, 3 * 10 ** 19)))
t("len fits", lambda: len(range(0, B, 10 ** 19)))
t("negative", lambda: list(range(-B, -B + 3)))
t("reversed big", lambda: list(reversed(range(B, B + 3))))
t("iterate big", lambda: list(range(B, B + 3)))
t("iterate step", lambda: list(range(B, B + 10, 3)))
t("across 2**63", lambda: list(range(2 ** 63 - 2, 2 ** 63 + 2)))
t("across back", lambda: list(range(-2 ** 63 + 1, -2 ** 63 - 2, -1)))
t("sum", lambda: sum(range(B, B + 5)))
t("max", lambda: max(range(B, B + 5)))
t("sorted", lambda: sorted(range(B + 3, B, -1)))
t("ssize len", lambda: len(range(-1, 2 ** 63 - 1)))
t("ssize max", lambda: len(range(2 ** 63 - 1)))
t("ssize across", lambda: len(range(-2 ** 63, 2 ** 63 - 1)))
t("for", lambda: [x for x in range(B, B + 2)])
t("zero step", lambda: range(0, B, 0))
t("float bound", lambda: range(1.5))
t("str bound", lambda: range("a"))
t("no args", lambda: range())
t("four args", lambda: range(1, 2, 3, 4))


class Idx:
    def __index__(self):
        return B


t("__index__", lambda: range(Idx()))
t("compare", lambda: range(5) < range(6))
