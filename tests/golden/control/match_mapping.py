# Mapping patterns.
import collections


def m(x):
    match x:
        case {}:
            if not x:
                return "empty dict"
            return f"any mapping {sorted(x)}" if False else m2(x)
    return "not a mapping"


def m2(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {1: one, None: n}:
            return f"int and None keys {one} {n}"
        case {"name": str(name)}:
            return f"named {name}"
        case {"k": [a, *b]}:
            return f"k list {a} {b}"
        case {**everything}:
            return f"everything {everything}"


for v in [{}, {"a": 1}, {"type": "point", "x": 1, "y": 2}, {"type": "point", "x": 1},
          {"type": "circle", "r": 3}, {"type": "circle", "r": 3, "color": "red", "z": 0},
          {1: "one", None: "none", 2: 3}, {"name": "bob"}, {"name": 5}, {"k": [1, 2, 3]},
          {"k": "str"}, [], "x", 3, collections.OrderedDict(name="od"),
          collections.defaultdict(int, name="dd")]:
    print(repr(v), "->", m(v))


class D(dict):
    pass


match D(a=1, b=2):
    case {"a": a, **rest}:
        print("dict subclass", a, rest)

# defaultdict: a missing key is not created by the match
dd = collections.defaultdict(list)
match dd:
    case {"missing": x}:
        print("found?")
    case _:
        print("missing key not matched; dd =", dict(dd))

KEY = "dyn"


class Keys:
    K = "kk"


match {"dyn": 1, "kk": 2}:
    case {Keys.K: v}:
        print("value pattern key", v)

match {1.0: "float", True: "bool"}:
    case {1: a}:
        print("1 finds 1.0 key:", a)

match {"a": 1, "b": 2}:
    case {"a": 1, "b": 3}:
        print("no")
    case {"a": 1, "b": 2 | 3 as b}:
        print("b is", b)

match {"a": {"b": {"c": 42}}}:
    case {"a": {"b": {"c": deep}}}:
        print("deep", deep)

match {"x": 1}:
    case {"x": 1, **rest}:
        print("empty rest", rest)
