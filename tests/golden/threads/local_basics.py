# threading.local: attributes are per thread; a value set in main is not
# visible in another thread (AttributeError), each thread's values survive
# across calls, deletion, getattr defaults and the per-thread __dict__.
import threading

data = threading.local()
data.x = 'main value'
data.shared = [1, 2]

def show(label):
    try:
        print(label, 'x =', data.x)
    except AttributeError as e:
        print(label, 'AttributeError:', e)

def run(f, *args):
    t = threading.Thread(target=f, args=args)
    t.start()
    t.join()

run(show, 'thread:')
show('main:')

def set_and_show():
    data.x = 'thread value'
    data.y = 42
    show('thread after set:')
    print('thread dict:', sorted(data.__dict__.items()))
run(set_and_show)
show('main still:')
print('main has y:', hasattr(data, 'y'))
print('main dict:', sorted(data.__dict__))

# Each thread gets a fresh, empty namespace
def fresh():
    print('fresh namespace:', data.__dict__, getattr(data, 'x', 'default'))
run(fresh)

# Values persist inside a thread between calls, independently per thread
results = {}
lock = threading.Lock()
def incr():
    data.count = getattr(data, 'count', 0) + 1
def many(key, n):
    for _ in range(n):
        incr()
    with lock:
        results[key] = data.count
ts = [threading.Thread(target=many, args=(k, k * 10)) for k in range(1, 5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
print('main count:', getattr(data, 'count', None))

# Deleting an attribute
data.tmp = 1
del data.tmp
try:
    del data.tmp
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(data, 'tmp'))

# Objects stored in a local are distinct per thread even when they start equal
local2 = threading.local()
ids_equal = []
def make_list(i):
    local2.items = []
    for j in range(3):
        local2.items.append(i * 10 + j)
    with lock:
        ids_equal.append(local2.items)
ts = [threading.Thread(target=make_list, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(ids_equal))

# Initialization arguments need a subclass with __init__
try:
    threading.local(1)
except TypeError as e:
    print('TypeError:', e)
print(type(data).__name__)
