# Stress: a dict/set/list iterated in one thread while another thread
# mutates it. Iterating a dict or set whose size changes may raise
# RuntimeError ("... changed size during iteration") depending on timing,
# so only the fact that nothing else goes wrong is printed.
import threading

failures = []
threading.excepthook = lambda args: failures.append(args.exc_type.__name__)

def iterate_while_mutating(container, mutate, iterate, rounds=300):
    other_errors = []
    stop = threading.Event()
    def mutator():
        i = 0
        while not stop.is_set():
            mutate(container, i)
            i += 1
    t = threading.Thread(target=mutator)
    t.start()
    for _ in range(rounds):
        try:
            iterate(container)
        except RuntimeError as e:
            msg = str(e)
            if 'changed size during iteration' not in msg and 'changed during iteration' not in msg:
                other_errors.append(msg)
        except Exception as e:
            other_errors.append(type(e).__name__)
    stop.set()
    t.join()
    return other_errors

def mutate_dict(d, i):
    d[i % 500 + 1000] = i
    if i % 2:
        d.pop(i % 500 + 1000, None)

def iterate_dict(d):
    for k in d:
        pass
    for k, v in list(d.items()):
        pass
    sum(1 for _ in d.values())

d = {i: i for i in range(200)}
print('dict:', iterate_while_mutating(d, mutate_dict, iterate_dict), 'ok')
print('original keys kept:', all(d[i] == i for i in range(200)))

# The RuntimeError itself, made certain within one thread
d2 = {1: 1}
try:
    for k in d2:
        d2[k + 100] = 0
except RuntimeError as e:
    print('RuntimeError', e)
s2 = {1}
try:
    for x in s2:
        s2.add(x + 100)
except RuntimeError as e:
    print('RuntimeError', e)

def mutate_set(s, i):
    if i % 2:
        s.add(i % 300 + 1000)
    else:
        s.discard((i - 1) % 300 + 1000)

def iterate_set(s):
    for x in s:
        pass
    len(s)
    sorted(list(s))

s = set(range(200))
print('set:', iterate_while_mutating(s, mutate_set, iterate_set), 'ok')
print('original members kept:', all(i in s for i in range(200)))

# Lists never raise on concurrent mutation; the iteration just sees some state
def mutate_list(l, i):
    l.append(i)
    if len(l) > 400:
        del l[300:]

def iterate_list(l):
    n = 0
    for x in l:
        n += 1
    l[:10]
    sorted(l[:50])

l = list(range(200))
print('list:', iterate_while_mutating(l, mutate_list, iterate_list), 'ok')
print('prefix kept:', l[:200] == list(range(200)))

# Two threads mutating one dict and one iterating over a snapshot copy
shared = {}
def writer(base):
    for i in range(3000):
        shared[base + i] = i
        if i % 3 == 0:
            shared.pop(base + i - 1, None)
snap_errors = []
def snapshotter():
    for _ in range(200):
        try:
            snap = dict(shared)
            for k in snap:
                pass
        except RuntimeError:
            snap_errors.append('unexpected')
ts = [threading.Thread(target=writer, args=(b,)) for b in (0, 100000)]
ts.append(threading.Thread(target=snapshotter))
for t in ts:
    t.start()
for t in ts:
    t.join()
print('snapshots:', snap_errors, len(shared))
print('failures:', failures)
