# Subclasses of threading.local: __init__ (with the constructor's
# arguments) runs again in every thread that first touches the object,
# class attributes and methods are shared, plus the tutorial's
# ThreadLocal student example.
import threading

lock = threading.Lock()
log = []

class MyLocal(threading.local):
    initial = 'class attribute'
    def __init__(self, color, size=1):
        with lock:
            log.append(('init', threading.current_thread().name, color, size))
        self.color = color
        self.size = size
        self.items = []
    def describe(self):
        return '%s/%d/%d' % (self.color, self.size, len(self.items))

mine = MyLocal('red', size=3)
mine.items.append('main item')
mine.color = 'blue'
print(log)

results = []
def use(n):
    # first access in this thread runs __init__('red', size=3) again
    before = mine.describe()
    for i in range(n):
        mine.items.append(i)
    with lock:
        results.append((threading.current_thread().name, before, mine.describe(), mine.initial))

ts = [threading.Thread(target=use, args=(k,), name='t%d' % k) for k in range(1, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results))
print(sorted(log))
print('main unchanged:', mine.describe(), mine.items)

# A subclass without __init__ but with defaults as class attributes
class Defaults(threading.local):
    counter = 0
d = Defaults()
d.counter = 100
seen = []
def bump():
    d.counter += 1
    seen.append(d.counter)
for _ in range(2):
    t = threading.Thread(target=bump)
    t.start()
    t.join()
print('thread values:', seen, 'main value:', d.counter)

# A property reads the per-thread value
class WithProp(threading.local):
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v * 2
wp = WithProp()
wp._v = 5
out = []
t = threading.Thread(target=lambda: out.append(wp.v))
t.start()
t.join()
print('property:', wp.v, out)

# The tutorial example: each thread binds its own student, functions read it
local_school = threading.local()

def process_student():
    std = local_school.student
    with lock:
        greetings.append('Hello, %s (in %s)' % (std, threading.current_thread().name))

def process_thread(name):
    local_school.student = name
    process_student()

greetings = []
t1 = threading.Thread(target=process_thread, args=('Alice',), name='Thread-A')
t2 = threading.Thread(target=process_thread, args=('Bob',), name='Thread-B')
t1.start()
t2.start()
t1.join()
t2.join()
for g in sorted(greetings):
    print(g)
