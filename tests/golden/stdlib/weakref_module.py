# weakref: references that do not keep their object alive; callbacks,
# proxies, the weak containers and finalize.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"

    def hello(self):
        return "hello from " + self.name


a = Node("a")
r = weakref.ref(a)
print(r() is a, r().name, weakref.getweakrefcount(a))
print(weakref.ref(a) is r, weakref.ref(a) == r, hash(r) == hash(a))
print(type(r).__name__, isinstance(r, weakref.ref), r.__callback__)
del a
print(r(), repr(r).endswith("; dead>"))

events = []
b = Node("b")
rb = weakref.ref(b, lambda ref: events.append(("died", ref is rb)))
print(rb.__callback__ is not None, weakref.getweakrefcount(b))
b = None
print(events, rb())

# Callbacks run newest first; a reference that died first calls nothing.
c = Node("c")
order = []
r1 = weakref.ref(c, lambda ref: order.append(1))
r2 = weakref.ref(c, lambda ref: order.append(2))
r3 = weakref.ref(c, lambda ref: order.append(3))
del r2
del c
print(order)

# Equality: live references compare their objects; dead ones by identity.
x, y = Node("x"), Node("y")
rx, ry = weakref.ref(x), weakref.ref(y)
print(rx == ry, rx != ry, rx == weakref.ref(x))

for bad in [1, "s", (1,), [1], {"k": 1}, None]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(e)


def f():
    return 42


rf = weakref.ref(f)
print(rf()(), weakref.ref(Node)() is Node, weakref.ref({1, 2})() is None)

# Proxies.
p_target = Node("p")
p = weakref.proxy(p_target)
print(p.name, p.hello(), str(p))
p.name = "renamed"
print(p_target.name)
del p_target
try:
    p.name
except ReferenceError as e:
    print("ReferenceError", e)
cp = weakref.proxy(f)
print(cp())

# WeakValueDictionary: entries go with their values.
cache = weakref.WeakValueDictionary()
n1, n2 = Node("one"), Node("two")
cache["one"] = n1
cache["two"] = n2
print(sorted(cache.keys()), len(cache), "one" in cache, cache["one"])
del n1
print(sorted(cache.keys()), len(cache), "one" in cache, cache.get("one", "gone"))
try:
    cache["one"]
except KeyError as e:
    print("KeyError", e)
n3 = Node("three")
cache["two"] = n3  # the old value dying later must not remove the new entry
del n2
print(sorted(cache.keys()), cache["two"])

# WeakKeyDictionary: entries go with their keys.
meta = weakref.WeakKeyDictionary()
k1, k2 = Node("k1"), Node("k2")
meta[k1] = "first"
meta[k2] = "second"
print(len(meta), meta[k1], k2 in meta, sorted(v for v in meta.values()))
del k1
print(len(meta), [k.name for k in meta.keys()])

# WeakSet.
ws = weakref.WeakSet()
s1, s2 = Node("s1"), Node("s2")
ws.add(s1)
ws.add(s2)
ws.add(s1)
print(len(ws), s1 in ws)
del s2
print(len(ws), [n.name for n in ws])

# WeakMethod lives as long as its object.
m_obj = Node("m")
wm = weakref.WeakMethod(m_obj.hello)
print(wm()(), weakref.ref(m_obj.hello)() is None)
del m_obj
print(wm())

# finalize.
fobj = Node("f")
fin = weakref.finalize(fobj, print, "finalized", "f")
print(fin.alive, fin.peek()[1] is print, fin.atexit)
del fobj
print(fin.alive)
g = Node("g")
fin2 = weakref.finalize(g, lambda: "result")
print(fin2(), fin2.alive, fin2())
h = Node("h")
fin3 = weakref.finalize(h, print, "never")
print(fin3.detach()[0] is h, fin3.alive)

# A cycle freed by the collector calls its callbacks too.
cyc = Node("cycle")
cyc.self = cyc
got = []
rc = weakref.ref(cyc, lambda ref: got.append("cycle freed"))
del cyc
gc.collect()
print(got, rc())

# Exceptions in callbacks are reported, not raised.
e_obj = Node("e")
re_ = weakref.ref(e_obj, lambda ref: 1 / 0)
del e_obj
print("after failing callback")

# Objects alive at exit with a finalize get it called by atexit.
keep = Node("kept")
weakref.finalize(keep, print, "finalize at exit")
print("end of program")
