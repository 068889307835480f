# Stress: 4 threads storing into one shared dict with disjoint keys and with
# overlapping keys, deleting their own keys, and adding to one shared set;
# no entry is lost and the final contents are exact.
import threading

# Any exception escaping a thread is recorded and shows up in the output
failures = []
threading.excepthook = lambda args: failures.append(args.exc_type.__name__)

N, K = 4, 5000
d = {}

def run_all(f, *extra):
    ts = [threading.Thread(target=f, args=(t,) + extra) for t in range(N)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()

def disjoint(t):
    for i in range(K):
        d[(t, i)] = t * i
run_all(disjoint)
print('disjoint:', len(d), all(d[(t, i)] == t * i for t in range(N) for i in range(K)))

overlap = {}
def overlapping(t):
    for i in range(K):
        overlap[i] = i * 2
        overlap[('last', i % 10)] = i
run_all(overlapping)
print('overlapping:', len(overlap), all(overlap[i] == i * 2 for i in range(K)))

# Each thread deletes its own keys again
def delete_own(t):
    for i in range(K):
        del d[(t, i)]
run_all(delete_own)
print('after deletes:', len(d), d)

# Mixed: insert then pop own keys, with setdefault and get on shared keys
counts = {}
lock = threading.Lock()
def mixed(t):
    for i in range(2000):
        key = 'k%d-%d' % (t, i)
        d[key] = i
        counts.setdefault(i % 7, 0)
        if d.get(key) != i:
            raise AssertionError('lost write')
        d.pop(key)
run_all(mixed)
print('mixed:', len(d), sorted(counts))

# A shared set
s = set()
def add_many(t):
    for i in range(K):
        s.add(t * K + i)
        s.add(-(i % 100))
run_all(add_many)
print('set:', len(s), min(s), max(s))
def discard_many(t):
    for i in range(K):
        s.discard(t * K + i)
run_all(discard_many)
print('set after discards:', len(s), sorted(s)[:3])

# dict.update and dict(...) copies while others write
big = {}
def updater(t):
    for j in range(100):
        big.update({(t, j, m): m for m in range(10)})
        snapshot = dict(big)
        if len(snapshot) < (j + 1) * 10:
            raise AssertionError('snapshot too small')
run_all(updater)
print('update:', len(big))
print('failures:', failures)
