# Thread with target/args/kwargs, start/join, is_alive, results collected
# from several threads, run() called directly, a target returning a value.
import threading

results = []
lock = threading.Lock()

def work(a, b, scale=1, tag='t'):
    with lock:
        results.append((tag, (a + b) * scale))

t = threading.Thread(target=work, args=(1, 2), kwargs={'scale': 10, 'tag': 'first'})
print('alive before start:', t.is_alive())
t.start()
t.join()
print('alive after join:', t.is_alive())
print(results)

# args may be any sequence; kwargs default to none
results.clear()
threads = [threading.Thread(target=work, args=[i, i], kwargs=dict(tag='n%d' % i)) for i in range(6)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(results))
print(all(not th.is_alive() for th in threads))

# A thread with no target does nothing
t = threading.Thread()
t.start()
t.join()
print('no target ok', t.is_alive())

# run() called directly executes in the calling thread
seen = []
def where():
    seen.append(threading.current_thread().name)
t = threading.Thread(target=where, name='never-started')
t.run()
print(seen, t.is_alive())

# The target's return value is ignored; join returns None
t = threading.Thread(target=lambda: 42)
t.start()
print('join returns', t.join())

# A thread sees the globals of its module and mutations are visible after join
shared = {'count': 0}
def bump(n):
    for _ in range(n):
        with lock:
            shared['count'] += 1
ts = [threading.Thread(target=bump, args=(1000,)) for _ in range(3)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(shared)

# Closures and bound methods as targets
class Acc:
    def __init__(self):
        self.items = []
    def add(self, x):
        with lock:
            self.items.append(x)
acc = Acc()
ts = [threading.Thread(target=acc.add, args=(i * i,)) for i in range(5)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(sorted(acc.items))

def make_worker(k):
    def inner():
        with lock:
            results.append(k * 3)
    return inner
results.clear()
ts = [threading.Thread(target=make_worker(k)) for k in range(4)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(sorted(results))

# join with a timeout on a finished thread returns at once
t = threading.Thread(target=lambda: None)
t.start()
t.join(5)
print('joined with timeout', t.is_alive())
