# Subclassing Thread: run() overridden, super().__init__() with arguments,
# state kept on the instance, a subclass that forgets Thread.__init__, and
# the default run() calling the target.
import threading

class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))

ws = [Worker(n) for n in (10, 100, 1000)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print([w.result for w in ws])
print([w.name for w in ws])
print(isinstance(ws[0], threading.Thread), issubclass(Worker, threading.Thread))

# A subclass passing target/args through and extending run()
log = []
lock = threading.Lock()
class Wrapped(threading.Thread):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
    def run(self):
        with lock:
            log.append('before ' + self.name)
        super().run()
        with lock:
            log.append('after ' + self.name)

def target(x, y=0):
    with lock:
        log.append('target %d' % (x + y))

w = Wrapped(target=target, args=(1,), kwargs={'y': 2}, name='wrapped')
w.start()
w.join()
print(log)

# Positional arguments of Thread: group, target, name, args, kwargs
log.clear()
w = Wrapped(None, target, 'positional', (5,), {'y': 5})
w.start()
w.join()
print(log)
try:
    threading.Thread(group='g')
except AssertionError as e:
    print('AssertionError', e)

# A subclass that does not call Thread.__init__
class Broken(threading.Thread):
    def __init__(self):
        self.x = 1
b = Broken()
try:
    b.start()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    b.daemon = True
except RuntimeError as e:
    print('RuntimeError', e)

# Thread.__init__ called explicitly; run() updating a class attribute
class Counter(threading.Thread):
    total = 0
    tl = threading.Lock()
    def __init__(self, k):
        threading.Thread.__init__(self, name='counter-%d' % k)
        self.k = k
    def run(self):
        for _ in range(self.k):
            with Counter.tl:
                Counter.total += 1
cs = [Counter(k) for k in range(1, 6)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print(Counter.total, sorted(c.name for c in cs))

# start() returns None; run() of the base class with no target returns None
t = threading.Thread()
print(t.start(), t.join(), threading.Thread().run())
