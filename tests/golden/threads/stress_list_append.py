# Stress: 4 threads append 20000 items each to one shared list with no lock;
# list.append is atomic, so nothing is lost or duplicated. Also extend() and
# += on a shared list, and concurrent reads while appending.
import threading

# Any exception escaping a thread is recorded and shows up in the output
failures = []
threading.excepthook = lambda args: failures.append(args.exc_type.__name__)

shared = []
N, K = 4, 20000

def append_many(t):
    base = t * K
    for i in range(K):
        shared.append(base + i)

ts = [threading.Thread(target=append_many, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), sorted(shared) == list(range(N * K)))
# Each thread's own items stay in its order
pos_ok = True
for t in range(N):
    mine = [x for x in shared if t * K <= x < (t + 1) * K]
    pos_ok = pos_ok and mine == list(range(t * K, (t + 1) * K))
print('per-thread order kept:', pos_ok)

# extend() with chunks
shared2 = []
def extend_many(t):
    for j in range(200):
        shared2.extend([t] * 10)
ts = [threading.Thread(target=extend_many, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared2), [shared2.count(t) for t in range(N)])

# Readers iterating and indexing while writers append
data = list(range(100))
stop = threading.Event()
reader_ok = []
def reader():
    ok = True
    while not stop.is_set():
        n = len(data)
        if n and data[n - 1] < 0:
            ok = False
        s = 0
        for x in data:
            s += 1
        if s < 100:
            ok = False
    reader_ok.append(ok)
def writer():
    for i in range(5000):
        data.append(i)
rs = [threading.Thread(target=reader) for _ in range(2)]
ws = [threading.Thread(target=writer) for _ in range(2)]
for t in rs + ws:
    t.start()
for t in ws:
    t.join()
stop.set()
for t in rs:
    t.join()
print(len(data), reader_ok)
print('failures:', failures)
