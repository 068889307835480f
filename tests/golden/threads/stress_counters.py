# Stress: counter objects whose `self.n += 1` is protected by a Lock reach
# the exact total; a counter per thread needs no lock; an unprotected
# counter may lose updates, so only "not more than expected" is printed.
import threading

failures = []
threading.excepthook = lambda args: failures.append(args.exc_type.__name__)

class Counter:
    def __init__(self):
        self.n = 0
        self.lock = threading.Lock()
    def incr(self):
        with self.lock:
            self.n += 1

N, K = 4, 20000
c = Counter()
def work():
    for _ in range(K):
        c.incr()
ts = [threading.Thread(target=work) for _ in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('locked counter:', c.n, c.n == N * K)

# Global counter under a module-level lock, increments of different sizes
total = 0
total_lock = threading.Lock()
def add(step, times):
    global total
    for _ in range(times):
        with total_lock:
            total += step
ts = [threading.Thread(target=add, args=(s, 5000)) for s in (1, 2, 3, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('global total:', total)

# A counter per thread (no sharing) summed afterwards
per = [0] * N
def own(i):
    for _ in range(K):
        per[i] += 1
ts = [threading.Thread(target=own, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('per-thread counters:', per, sum(per))

# Lost update demo: no lock. The exact count depends on the scheduler, so
# only print that it never exceeds the expected total.
class Unsafe:
    def __init__(self):
        self.n = 0
u = Unsafe()
def unsafe():
    for _ in range(K):
        u.n += 1
ts = [threading.Thread(target=unsafe) for _ in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('unsafe counter <= expected:', 0 < u.n <= N * K)

# Dict of counters under one lock
hist = {}
hist_lock = threading.Lock()
def histogram(t):
    for i in range(3000):
        key = i % 5
        with hist_lock:
            hist[key] = hist.get(key, 0) + 1
ts = [threading.Thread(target=histogram, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('histogram:', sorted(hist.items()))
print('failures:', failures)
