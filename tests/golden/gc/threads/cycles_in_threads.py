# Cycles made in other threads are found once the threads have ended, and
# cycles a running thread keeps reachable are not touched.
import gc
import threading

gc.disable()
gc.collect()

class Node:
    pass

def make_garbage(n):
    for i in range(n):
        a = Node()
        b = Node()
        a.peer = b
        b.peer = a

threads = [threading.Thread(target=make_garbage, args=(50,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
del t, threads
print("from 4 threads:", gc.collect())

# A thread collecting while its own cycles are still reachable.
results = []

def keep_and_collect():
    ring = []
    ring.append(ring)
    me = Node()
    me.me = me
    results.append(gc.collect() >= 0)
    results.append(ring[0] is ring and me.me is me)

t = threading.Thread(target=keep_and_collect)
t.start()
t.join()
print(results)
print("after the thread:", gc.collect())
