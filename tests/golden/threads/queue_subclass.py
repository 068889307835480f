# Subclasses of queue.Queue: extra attributes in __init__ with
# super().__init__(maxsize), put/get overridden to count and transform items
# while keeping blocking behaviour, isinstance checks, and a Queue used as an
# attribute of a class shared by threads.
import queue
import threading

class CountingQueue(queue.Queue):
    def __init__(self, maxsize=0):
        super().__init__(maxsize)
        self.puts = 0
        self.gets = 0
        self.count_lock = threading.Lock()
    def put(self, item, block=True, timeout=None):
        super().put(item, block, timeout)
        with self.count_lock:
            self.puts += 1
    def get(self, block=True, timeout=None):
        item = super().get(block, timeout)
        with self.count_lock:
            self.gets += 1
        return item

cq = CountingQueue(3)
print(isinstance(cq, queue.Queue), type(cq).__name__, cq.maxsize)
cq.put('a')
cq.put_nowait('b')
print(cq.qsize(), cq.puts, cq.full())
print(cq.get(), cq.get_nowait(), cq.gets, cq.empty())
try:
    cq.get(timeout=0.01)
except queue.Empty:
    print('Empty raised through the override, gets still', cq.gets)

total = []
tl = threading.Lock()
def consume():
    for _ in range(100):
        v = cq.get()
        with tl:
            total.append(v)
def produce(base):
    for i in range(100):
        cq.put(base + i)
ts = [threading.Thread(target=produce, args=(k * 1000,)) for k in range(2)]
ts += [threading.Thread(target=consume) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(total), sum(total), cq.puts, cq.gets)

# A transforming queue
class UpperQueue(queue.LifoQueue):
    def put(self, item, *args, **kwargs):
        super().put(item.upper(), *args, **kwargs)
uq = UpperQueue()
for w in ['x', 'y', 'z']:
    uq.put(w)
print([uq.get() for _ in range(3)])

# A class attribute default and a repr-free description method
class NamedQueue(queue.Queue):
    kind = 'named'
    def __init__(self, name, maxsize=0):
        self.name = name
        super().__init__(maxsize=maxsize)
    def describe(self):
        return '%s %s size=%d max=%d' % (self.kind, self.name, self.qsize(), self.maxsize)
nq = NamedQueue('jobs', maxsize=4)
nq.put(1)
print(nq.describe())
nq.put(2)
nq.get()
nq.task_done()
nq.get()
nq.task_done()
nq.join()
print(nq.describe(), nq.unfinished_tasks)

# Work distributed through a queue held by an object
class Pool:
    def __init__(self, n):
        self.jobs = queue.Queue()
        self.results = queue.Queue()
        self.threads = [threading.Thread(target=self.loop) for _ in range(n)]
        for t in self.threads:
            t.start()
    def loop(self):
        while True:
            job = self.jobs.get()
            if job is None:
                return
            self.results.put(job * 2)
    def close(self):
        for _ in self.threads:
            self.jobs.put(None)
        for t in self.threads:
            t.join()
pool = Pool(3)
for j in range(30):
    pool.jobs.put(j)
pool.close()
out = []
while not pool.results.empty():
    out.append(pool.results.get_nowait())
print(len(out), sorted(out)[:5], sum(out))
