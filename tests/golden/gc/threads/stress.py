# Safety under threads: while workers build cycles, mutate shared lists,
# dicts and instances and call gc.collect() themselves, every object that
# is still reachable must come out intact. Each structure carries a
# checksum that is verified at the end; a collector that freed (cleared)
# something reachable would break one.
import gc
import threading

WORKERS = 4
ROUNDS = 2000

class Item:
    def __init__(self, owner, n):
        self.owner = owner
        self.n = n
        self.me = self
        self.cb = self.value

    def value(self):
        return self.n

shared_list = []
shared_dict = {}
lock = threading.Lock()
totals = [0] * WORKERS

def worker(w):
    mine = []
    for r in range(ROUNDS):
        # Garbage: cycles dropped at once.
        g = []
        g.append(g)
        a = Item(None, -1)
        b = Item(a, -2)
        a.owner = b
        d = {}
        d["d"] = d
        # Kept: cycles reachable from the shared structures and `mine`.
        it = Item(w, r)
        node = [it, {"item": it}]
        node.append(node)
        mine.append(node)
        with lock:
            shared_list.append(it)
            shared_dict[(w, r)] = node
        totals[w] += r
        if r % 50 == 0:
            gc.collect()
    # Every item this worker kept is whole.
    for r, node in enumerate(mine):
        it = node[0]
        assert node[2] is node and node[1]["item"] is it, "node damaged"
        assert it.me is it and it.cb() == r and it.owner == w, "item damaged"

threads = [threading.Thread(target=worker, args=(w,)) for w in range(WORKERS)]
for t in threads:
    t.start()
for _ in range(20):
    gc.collect()
for t in threads:
    t.join()
gc.collect()

print(len(shared_list), len(shared_dict))
ok = True
for (w, r), node in shared_dict.items():
    it = node[0]
    if not (node[2] is node and node[1]["item"] is it and it.me is it and it.n == r and it.owner == w):
        ok = False
print("intact:", ok)
print("sum:", sum(it.cb() for it in shared_list) == sum(totals))
print("garbage left:", gc.collect())
