# Stress: 4 threads pop from one shared list until it is empty, catching
# IndexError; every element is popped exactly once. Also pop(0), deque-like
# use of a list as a work pile, and remove() of distinct elements.
import threading

failures = []
threading.excepthook = lambda args: failures.append(args.exc_type.__name__)

N = 4
INITIAL = 40000
pile = list(range(INITIAL))
popped = [[] for _ in range(N)]

def popper(t):
    mine = popped[t]
    while True:
        try:
            mine.append(pile.pop())
        except IndexError:
            return

ts = [threading.Thread(target=popper, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
total = sum(len(p) for p in popped)
print('popped:', total, total == INITIAL, 'left:', len(pile))
allp = sorted(x for p in popped for x in p)
print('each once:', allp == list(range(INITIAL)))
# pop() takes from the end, so each thread sees decreasing values
print('decreasing per thread:', all(p == sorted(p, reverse=True) for p in popped))

# pop(0) from the front
front = list(range(4000))
taken = []
lock = threading.Lock()
def pop_front():
    local = []
    while True:
        try:
            local.append(front.pop(0))
        except IndexError:
            break
    with lock:
        taken.extend(local)
ts = [threading.Thread(target=pop_front) for _ in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('pop(0):', len(taken), sorted(taken) == list(range(4000)))

# Producers append while consumers pop; consumers stop after a known count
work = []
consumed = []
produced_all = threading.Event()
def produce(base):
    for i in range(3000):
        work.append(base + i)
def consume():
    local = []
    while True:
        try:
            local.append(work.pop())
        except IndexError:
            if produced_all.is_set() and not work:
                break
    with lock:
        consumed.extend(local)
ps = [threading.Thread(target=produce, args=(k * 10000,)) for k in range(2)]
cs = [threading.Thread(target=consume) for _ in range(2)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
produced_all.set()
for t in cs:
    t.join()
print('produce/consume:', len(consumed), sorted(consumed) == sorted(k * 10000 + i for k in range(2) for i in range(3000)))

# remove() of distinct values by different threads
vals = list(range(2000))
def remover(t):
    for v in range(t, 2000, N):
        vals.remove(v)
ts = [threading.Thread(target=remover, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('remove:', len(vals), vals[:10])
print('failures:', failures)
