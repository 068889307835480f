# A bounded Queue(maxsize=10) shared by 4 producers and 3 consumers passing
# 2000 items; every item arrives exactly once; per-producer FIFO order is
# kept for each consumer; blocking put/get wake each other up.
import queue
import threading

q = queue.Queue(maxsize=10)
N_PRODUCERS, N_CONSUMERS, PER_PRODUCER = 4, 3, 500
STOP = object()
received = [[] for _ in range(N_CONSUMERS)]
max_size_seen = [0]
size_lock = threading.Lock()

def producer(p):
    for i in range(PER_PRODUCER):
        q.put((p, i))
        n = q.qsize()
        with size_lock:
            if n > max_size_seen[0]:
                max_size_seen[0] = n

def consumer(c):
    while True:
        item = q.get()
        if item is STOP:
            return
        received[c].append(item)

cons = [threading.Thread(target=consumer, args=(c,)) for c in range(N_CONSUMERS)]
prods = [threading.Thread(target=producer, args=(p,)) for p in range(N_PRODUCERS)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in cons:
    q.put(STOP)
for t in cons:
    t.join()

everything = [item for part in received for item in part]
print('received:', len(everything))
print('exactly once:', sorted(everything) == [(p, i) for p in range(N_PRODUCERS) for i in range(PER_PRODUCER)])
print('sum of indices:', sum(i for _, i in everything))
print('queue never above maxsize:', max_size_seen[0] <= 10)
# Within one consumer, items of one producer arrive in increasing order
ordered = True
for part in received:
    last = {}
    for p, i in part:
        if last.get(p, -1) >= i:
            ordered = False
        last[p] = i
print('per-producer order kept:', ordered)
print('queue empty at the end:', q.empty(), q.qsize())

# Producers blocked on a full queue (maxsize=1) are released one at a time
q1 = queue.Queue(maxsize=1)
def put_many(base):
    for i in range(50):
        q1.put(base + i)
ps = [threading.Thread(target=put_many, args=(k * 100,)) for k in range(3)]
for t in ps:
    t.start()
got = [q1.get() for _ in range(150)]
for t in ps:
    t.join()
print('maxsize=1 handoff:', len(got), sorted(got) == sorted(k * 100 + i for k in range(3) for i in range(50)))

# LifoQueue and PriorityQueue under concurrency: nothing lost
for cls in (queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue):
    cq = cls() if cls is queue.SimpleQueue else cls(maxsize=5)
    out = []
    out_lock = threading.Lock()
    def prod(base):
        for i in range(100):
            cq.put(base + i)
    def cons_n(n):
        for _ in range(n):
            v = cq.get()
            with out_lock:
                out.append(v)
    ts = [threading.Thread(target=prod, args=(k * 1000,)) for k in range(3)]
    ts += [threading.Thread(target=cons_n, args=(150,)) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(cls.__name__, len(out), sum(out), cq.empty())
