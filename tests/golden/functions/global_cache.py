# LoadGlobal remembers where a global is and, while the module's globals
# are unchanged, reads it without a dict lookup. Rebinding, deleting and
# shadowing globals must still be seen at once, and the remembered value
# must not keep an object alive.

def f():
    return "f1"

def call_f(n):
    out = []
    for i in range(n):
        out.append(f())
    return out

print(call_f(2))

def f():
    return "f2"

print(call_f(2))

# Rebinding inside the loop that reads it.
counter = 0
def bump_and_read():
    global counter
    seen = []
    for i in range(4):
        seen.append(counter)
        counter = counter + 10
    return seen

print(bump_and_read(), counter)

# Another function rebinding the global between reads.
value = "a"
def set_value(v):
    global value
    value = v

def read_value():
    return value

r = []
for v in ["b", "c", "d"]:
    r.append(read_value())
    set_value(v)
r.append(read_value())
print(r)

# Deleting a global: NameError, then defined again.
gone = 1
def read_gone():
    return gone

print(read_gone())
del gone
try:
    read_gone()
except NameError as e:
    print("NameError:", e)
gone = 2
print(read_gone())

# A global shadowing a builtin, then removed again.
def use_len():
    return len([1, 2, 3])

print(use_len())
len = lambda x: "shadowed"
print(use_len())
del len
print(use_len())

# A name used as a builtin, then stored as a global by the same code.
code = """
r1 = abs(-1)
abs = lambda x: 'module abs'
r2 = abs(-1)
"""
ns = {}
exec(code, ns)
print(ns["r1"], ns["r2"])

# One code object run with two different globals dicts.
# The remembered value owns nothing: deleting the global frees it now.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

obj = Noisy("first")
def read_obj():
    return obj.name

for i in range(3):
    read_obj()
print("before del")
del obj
print("after del")
obj = Noisy("second")
print(read_obj())
obj = None
print("rebound")

# Globals changed through globals() and a module's __dict__.
def read_z():
    return z

z = 1
print(read_z())
globals()["z"] = 5
print(read_z())
globals().pop("z")
try:
    read_z()
except NameError as e:
    print("NameError:", e)
globals().update(z=7)
print(read_z())
