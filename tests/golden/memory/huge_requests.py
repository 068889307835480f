# Requests far beyond the machine's memory are MemoryError (or CPython's
# size errors), never an abort; the program goes on.
def t(label, f):
    try:
        r = f()
        print(label, "ok", len(r))
    except (MemoryError, OverflowError, ValueError) as e:
        print(label, type(e).__name__, e)


t("list repeat", lambda: [0] * 10 ** 10)
t("tuple repeat", lambda: (0,) * 10 ** 10)
t("str repeat", lambda: "x" * 10 ** 12)
t("bytes repeat", lambda: b"x" * 10 ** 12)
t("bytes", lambda: bytes(10 ** 12))
t("bytearray", lambda: bytearray(10 ** 12))
t("ljust", lambda: "x".ljust(10 ** 12))
t("percent width", lambda: "%10000000000d" % 1)
t("format width", lambda: format(1, "9999999999"))
t("list repeat maxsize", lambda: [0, 1] * (2 ** 62))
t("str repeat overflow", lambda: "ab" * (2 ** 62))
t("shift", lambda: str(1 << 10 ** 11))
print("still alive")
