# CPU-bound work split over threads gives the same results as the serial
# computation: prime counting, string building, sorting and dict-heavy work
# running at the same time in 4 threads.
import threading

def count_primes(lo, hi):
    n = 0
    for x in range(max(lo, 2), hi):
        d = 2
        while d * d <= x:
            if x % d == 0:
                break
            d += 1
        else:
            n += 1
    return n

results = {}
lock = threading.Lock()
def prime_job(k):
    r = count_primes(k * 5000, (k + 1) * 5000)
    with lock:
        results[k] = r
ts = [threading.Thread(target=prime_job, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()), sum(results.values()), count_primes(0, 20000))

# Mixed workloads at once, each checked against its serial result
def strings():
    parts = []
    for i in range(3000):
        parts.append(str(i * 7)[::-1])
    return len(''.join(parts)), ''.join(parts)[:20]
def sorting():
    data = [(i * 7919) % 10007 for i in range(10000)]
    data.sort()
    return data[:5], data[-5:], sum(data)
def dicts():
    d = {}
    for i in range(10000):
        d['key%d' % (i % 997)] = d.get('key%d' % (i % 997), 0) + i
    return len(d), sum(d.values())
def floats():
    x = 0.0
    for i in range(1, 20000):
        x += 1.0 / (i * i)
    return round(x, 10)

jobs = [strings, sorting, dicts, floats]
serial = {f.__name__: f() for f in jobs}
threaded = {}
def run_job(f):
    r = f()
    with lock:
        threaded[f.__name__] = r
ts = [threading.Thread(target=run_job, args=(f,)) for f in jobs * 2]
for t in ts:
    t.start()
for t in ts:
    t.join()
for name in sorted(serial):
    print(name, serial[name] == threaded[name], serial[name])

# Classes and closures created concurrently in threads
made = []
def make_classes(k):
    for i in range(200):
        cls = type('C%d_%d' % (k, i), (object,), {'v': i, 'get': lambda self: self.v * 2})
        obj = cls()
        with lock:
            made.append(obj.get())
ts = [threading.Thread(target=make_classes, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(made), sum(made))
