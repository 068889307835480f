# Weak references shared between threads: objects freed on any thread
# leave the shared weak containers before join returns.
import threading
import weakref


class Item:
    def __init__(self, key):
        self.key = key


registry = weakref.WeakValueDictionary()
seen = weakref.WeakSet()
kept = {}
freed = []
refs = []
lock = threading.Lock()


def work(tid):
    mine = []
    for i in range(300):
        item = Item((tid, i))
        registry[(tid, i)] = item
        seen.add(item)
        refs.append(weakref.ref(item, lambda r, k=(tid, i): freed.append(k)))
        if i % 3 == 0:
            mine.append(item)
    with lock:
        kept[tid] = mine
    del item


threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(registry), len(seen), sum(len(v) for v in kept.values()))
print(sorted(registry.keys()) == sorted(i.key for v in kept.values() for i in v))
print(len(freed), len(set(freed)))
kept.clear()
print(len(registry), len(seen), len(freed), len(set(freed)), sum(r() is None for r in refs))
