# json: dumps/loads as CPython formats and parses them, with its errors.
import json

data = {"name": "ann", "scores": [3, 4.5, -1e300, 2**70], "ok": True, "none": None,
        "nested": {"b": [], "a": {}, "t": (1, 2)}, "text": "tab\there \"q\" \\ é 中 😀 \x01\x7f"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent="\t", separators=(",", ":")))
print(json.dumps([1, [2, [3, []]], {}], indent=0))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 0.1, 1.0, -0.0, 1e16, 123456789.123]))
print(json.dumps("plain"), json.dumps(7), json.dumps(None), json.dumps(False))

for bad, kw in [({"s": {1, 2}}, {}), ({(1, 2): 3}, {}), ([float("nan")], {"allow_nan": False})]:
    try:
        json.dumps(bad, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))

circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as e:
    print("ValueError", e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)


print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(PointEncoder(indent=1).encode({"p": Point(0, 0)}))

text = json.dumps(data)
back = json.loads(text)
print(back == {**data, "nested": {"b": [], "a": {}, "t": [1, 2]}})
print(json.loads('  {"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00\\n"]}  '))
print(json.loads("[NaN, Infinity, -Infinity, 0, -0, 1E3, 10e-2]"))
print(json.loads(b'{"bytes": 1}'), json.loads(bytearray(b"[2]")))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: Point(**d)).y)
print(json.loads("[1.5, 2]", parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('["NaN", NaN]', parse_constant=lambda name: "const " + name))
print(json.loads('"multi\\/line\\tok"'))

for doc in ['[1,]', '{"a":1,}', '"a\\qb"', '"abc', '"a\x01"', '[1 2]', '{"a" 1}', '{1:2}', '', '  ',
            '[', '"\\u12"', '1.5e', 'nul', '{"a":}', '[1,2]x', '[\n  1,\n  oops\n]', '\ufeff[]']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, (e.msg, e.pos, e.lineno, e.colno))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)
print(issubclass(json.JSONDecodeError, ValueError))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def read(self):
        return "".join(self.parts)


f = Sink()
json.dump({"k": [1, 2]}, f, indent=2)
print(f.read())
print(json.load(f))
