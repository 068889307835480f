# Objects in reference cycles: gc.collect() calls their __del__ (with their
# attributes still there) before it frees them, once each.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name, "other:", self.other.name if self.other else None)


a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("cycle dropped")
print("collected", gc.collect())
print("again", gc.collect())

s = Node("self")
s.other = s
s = None
print("collected", gc.collect())

saved = []


class Phoenix:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("phoenix __del__")
        saved.append(self)


p = Phoenix()
del p
print("collected", gc.collect())
print("resurrected", len(saved), type(saved[0]).__name__)
saved.clear()
print("collected", gc.collect())


class Revive:
    def __del__(self):
        print("revive __del__")
        global keep
        keep = self


r = Revive()
del r
print("kept", type(keep).__name__)
del keep
print("no second __del__")

gc.disable()
for i in range(3):
    n = Node("n%d" % i)
    n.other = n
del n
print("disabled, collected", gc.collect())
gc.enable()
print("end")
