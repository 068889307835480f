# New objects made until memory runs out: each allocation is an ordinary
# one (a list, a string, a dict, an instance), not a buffer whose size the
# script chose. MemoryError is raised, caught, the objects freed, and the
# program goes on -- in a thread, then again and again in the main thread.
import threading


class Node:
    def __init__(self, nxt):
        self.nxt = nxt


def grow(kind):
    xs = []
    try:
        while True:
            if kind == "lists":
                xs.append([len(xs)])
            elif kind == "strings":
                xs.append(str(len(xs)) * 3)
            elif kind == "dicts":
                xs.append({"k": len(xs)})
            elif kind == "tuples":
                xs.append((len(xs), None))
            else:
                xs = Node(xs)
    except MemoryError:
        xs = None
        return True


results = []


def worker():
    results.append(grow("lists"))


t = threading.Thread(target=worker)
t.start()
t.join()
print("thread", results)

for kind in ["lists", "strings", "dicts", "tuples", "instances", "lists"]:
    print(kind, grow(kind))

print("after", sum(range(1000)))
