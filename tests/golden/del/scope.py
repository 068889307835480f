# __del__ of locals at return, of list and dict contents, of nested objects.
class Tracked:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner

    def __del__(self):
        print("del", self.name)


def f():
    local = Tracked("local")
    print("in f")


f()
print("after f")


def g():
    t = Tracked("returned")
    return t


r = g()
print("got", r.name)
r = None
print("after r = None")



items = [Tracked("one"), Tracked("two"), Tracked("three")]
items.clear()
print("after clear")
items = [Tracked("four"), Tracked("five")]
del items
print("after del list")
pair = (Tracked("six"), Tracked("seven"))
pair = None
print("after tuple")
d = {1: Tracked("eight"), 2: Tracked("nine")}
d = None
print("after dict")
items = [Tracked("popped"), Tracked("kept")]
items.pop(0)
print("after pop")
del items[0]
print("after del item")

outer = Tracked("outer", Tracked("inner"))
del outer
print("after nested")

for i in range(3):
    t = Tracked("loop%d" % i)
print("after loop")
del t


def gen():
    t = Tracked("in generator")
    yield 1
    yield 2


it = gen()
print(next(it))
del it
print("after generator")


class Holder:
    def __init__(self, name):
        self.name = name
        self.friends = [Tracked(name + "-friend")]

    def __del__(self):
        print("del holder", self.name, len(self.friends))


Holder("h1")
print("end")
