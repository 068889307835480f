# int.from_bytes argument checks, as CPython 3.11 (byteorder defaults to 'big').
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t("int", lambda: int.from_bytes(5))
t("float", lambda: int.from_bytes(5.0))
t("None", lambda: int.from_bytes(None))
t("str", lambda: int.from_bytes("ab"))
t("default order", lambda: int.from_bytes(b"\x01\x00"))
t("list little", lambda: int.from_bytes([1, 0], "little"))
t("signed", lambda: int.from_bytes(b"\xff", signed=True))
t("bytearray", lambda: int.from_bytes(bytearray(b"\x01\x02"), byteorder="big"))
t("bad order", lambda: int.from_bytes(b"\x01", "middle"))
t("item too big", lambda: int.from_bytes([256]))
t("item negative", lambda: int.from_bytes([-1]))
t("item huge", lambda: int.from_bytes([10 ** 30]))
t("tuple", lambda: int.from_bytes((1, 2, 3), "little"))
t("generator", lambda: int.from_bytes((x for x in [1, 2])))
t("empty", lambda: int.from_bytes(b""))
t("on an int", lambda: (7).from_bytes(b"\x02"))
t("kw bytes", lambda: int.from_bytes(bytes=b"\x03"))
t("on an int kw", lambda: (7).from_bytes(bytes=b"\x04"))
t("to_bytes default", lambda: (5).to_bytes())
t("to_bytes too big", lambda: (256).to_bytes())
t("round trip", lambda: int.from_bytes((10 ** 30).to_bytes(13, "little"), "little"))
