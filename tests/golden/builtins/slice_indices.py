# slice.indices() computes with ints of any size, as CPython.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t("huge step", lambda: slice(0, 10, 10 ** 30).indices(5))
t("huge negative step", lambda: slice(None, None, -10 ** 30).indices(5))
t("huge bounds", lambda: slice(-10 ** 30, 10 ** 30).indices(5))
t("zero step", lambda: slice(0, 10, 0).indices(5))
t("negative length", lambda: slice(0, 10, 2).indices(-1))
t("huge length", lambda: slice(0, 10).indices(10 ** 30))
t("huge length open", lambda: slice(None, None, 7).indices(10 ** 30))
t("float bound", lambda: slice(1.5, 10).indices(5))
t("float length", lambda: slice(1, 10).indices(5.0))
t("defaults", lambda: slice(None).indices(7))
t("back defaults", lambda: slice(None, None, -1).indices(7))
t("back", lambda: slice(10, -10, -3).indices(7))
t("negative bounds", lambda: slice(-3, -1).indices(7))
t("empty", lambda: slice(5, 2).indices(7))
t("zero length", lambda: slice(None, None, -1).indices(0))
t("bool", lambda: slice(True, False).indices(True))
t("list huge step", lambda: [1, 2, 3][::10 ** 30])
t("list huge back", lambda: [1, 2, 3][::-10 ** 30])
t("str huge start", lambda: "abc"[10 ** 30:])
t("tuple huge", lambda: (1, 2, 3)[-10 ** 30:10 ** 30:2])
t("bytes huge back", lambda: b"abcdef"[10 ** 30:-10 ** 30:-2])
t("list zero step", lambda: [1, 2][::0])
