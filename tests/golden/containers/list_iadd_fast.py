# `a += b` for lists takes a fast path in the evaluation loop when both are
# exact lists; everything else (subclasses, other iterables, errors,
# aliases, the same list on both sides) must give the same answers.

s = []
for i in range(5):
    s += [i]
print(s)

# The same list on both sides doubles it.
s += s
print(s)

# The right-hand list is shared: it is copied, not emptied.
b = [7, 8]
alias = b
s = [1]
s += b
print(s, b, alias, b is alias)
b.append(9)
print(s, b)

# The left side is modified in place: other names see it.
a = [1]
other = a
a += [2, 3]
print(a, other, a is other)

# Non-list iterables take the general path.
a += (4, 5)
a += "xy"
a += range(2)
a += {10: 1}
print(a)

# A list subclass on either side.
class MyList(list):
    pass

m = MyList([1])
m += [2]
print(type(m).__name__, m)
plain = [0]
plain += MyList([5, 6])
print(type(plain).__name__, plain)

class Loud(list):
    def __iadd__(self, other):
        print("Loud.__iadd__", other)
        return "replaced"

l = Loud([1])
l += [2]
print(l)

class Radd:
    def __radd__(self, other):
        return "radd"

x = [1]
try:
    x += Radd()
except TypeError as e:
    print("TypeError:", e)
print(x)

# Errors.
for bad in (5, None, 1.5):
    try:
        y = [1]
        y += bad
    except TypeError as e:
        print("TypeError:", e)

# A tuple item: the list grows, then the store into the tuple fails.
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)

# Attributes, subscripts and globals as targets.
class Box:
    def __init__(self):
        self.items = []

box = Box()
box.items += [1, 2]
d = {"k": []}
d["k"] += [3]
g = []
def grow():
    global g
    g += [4]
grow()
grow()
print(box.items, d, g)

# Items with references are kept alive correctly.
objs = []
for i in range(3):
    objs += [[i] * i]
print(objs)
nested = [[]]
nested[0] += nested
print(len(nested[0]), nested[0][0] is nested[0])

# In a loop with exceptions crossing it.
acc = []
for i in range(6):
    try:
        acc += [i] if i % 2 else i
    except TypeError:
        acc += ["err"]
print(acc)
