# The classic reference cycles: each is unreachable after `del` and only
# the cycle collector frees it; gc.collect() says how many objects it found.
import gc

gc.disable()
gc.collect()

# A list containing itself.
x = []
x.append(x)
del x
print("list in itself:", gc.collect())

# Two instances referring to each other.
class Node:
    pass

a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print("two instances:", gc.collect())

# A ring of ten instances.
first = Node()
n = first
for i in range(9):
    n.next = Node()
    n = n.next
n.next = first
del first, n
print("ring of ten:", gc.collect())

# An instance holding a bound method of itself.
class Button:
    def __init__(self):
        self.on_click = self.clicked

    def clicked(self):
        return "clicked"

Button()
print("bound method of itself:", gc.collect())

# A dict containing itself, and two dicts referring to each other.
d = {}
d["self"] = d
del d
print("dict in itself:", gc.collect())
d1 = {}
d2 = {"d1": d1}
d1["d2"] = d2
del d1, d2
print("two dicts:", gc.collect())

# A function whose attribute refers back to it (a memo table).
def f():
    pass

f.cache = {"f": f}
del f
print("function attribute:", gc.collect())

# A list inside a tuple inside the list.
t = []
t.append((t, 1))
del t
print("through a tuple:", gc.collect())

# A set holding an instance whose attribute is the set.
s = set()
o = Node()
o.owner = s
s.add(o)
del s, o
print("set and instance:", gc.collect())

# A closure stored in the dict it closes over (CPython also counts the
# closure's tuple of cells, pyl has none: only that something was found).
def make():
    d = {}

    def get():
        return d

    d["get"] = get

make()
print("closure in its dict:", gc.collect() >= 3)

# Nothing left.
print("again:", gc.collect())

# What is reachable survives, cycle or not.
keep = []
keep.append(keep)
holder = Node()
holder.me = holder
print("reachable:", gc.collect(), keep[0] is keep, holder.me is holder)
del keep, holder
print("then dropped:", gc.collect())
