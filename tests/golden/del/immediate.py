# __del__ runs as soon as the last reference goes: before the next statement.
class Tracked:
    alive = 0

    def __init__(self, name):
        self.name = name
        Tracked.alive += 1

    def __del__(self):
        Tracked.alive -= 1
        print("del", self.name)


x = Tracked("x")
print("made x", Tracked.alive)
del x
print("after del x", Tracked.alive)

y = Tracked("y")
y = None
print("after y = None", Tracked.alive)

z = Tracked("z1")
z = Tracked("z2")
print("after rebinding z", Tracked.alive)
z = 0

a = Tracked("a")
b = a
del a
print("b still holds it", Tracked.alive)
del b
print("now gone", Tracked.alive)

# A temporary: freed once the expression statement is done.
Tracked("temp")
print("after temp", Tracked.alive)
print(Tracked("arg").name)
print("after arg", Tracked.alive)

# Attribute and item stores free the old value.
class Box:
    pass


box = Box()
box.item = Tracked("attr")
box.item = None
print("after attr store", Tracked.alive)
d = {"k": Tracked("dictval")}
d["k"] = 1
print("after dict store", Tracked.alive)
lst = [Tracked("listitem")]
lst[0] = 2
print("after list store", Tracked.alive)
del box.item
print("done")
