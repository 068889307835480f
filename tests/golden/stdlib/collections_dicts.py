from collections import defaultdict, Counter, OrderedDict, ChainMap
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d, d["a"], isinstance(d, dict), d.default_factory)
print(defaultdict(int, {"x": 1}), defaultdict())
n = defaultdict(None)
try:
    n["missing"]
except KeyError as e:
    print("KeyError", e)
print("z" in d, d.get("z"), len(d))
d2 = d.copy(); print(type(d2).__name__, d2 == d)
try:
    defaultdict(3)
except TypeError as e:
    print(e)
c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["zzz"])
c.update("aaz"); print(c["a"], c["z"])
c.subtract({"a": 10}); print(c["a"])
print(sorted(Counter(a=3, b=1).elements()))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(Counter(), Counter([1, 1, 2]).total(), +Counter(a=-1, b=2), -Counter(a=-1))
print(Counter(a=1) == Counter(a=1, b=0))
od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
od.move_to_end("a"); print(od)
od.move_to_end("c", last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict(a=1) == OrderedDict(a=1))
print(OrderedDict([(1, 1), (2, 2)]) == OrderedDict([(2, 2), (1, 1)]))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    od.move_to_end("nope")
except KeyError as e:
    print("KeyError", e)
base = {"a": 1, "b": 2}
cm = ChainMap({"a": 10}, base)
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.get("q", 0))
cm["c"] = 3; print(cm)
child = cm.new_child(); child["a"] = 0
print(child["a"], child.parents["a"], "c" in child)
try:
    cm["nope"]
except KeyError as e:
    print("KeyError", e)
