# Objects still held by __main__'s globals at exit: their __del__ runs after
# the atexit handlers, in the order of the globals, with the globals intact.
import atexit


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "log has", len(log))


log = ["x"]
second = Tracked("second")
first = Tracked("first")
_private = Tracked("_private")
atexit.register(lambda: print("atexit handler"))
x = Tracked("x")
y = Tracked("y")
x.other = y
y.other = x
print("end of script")
