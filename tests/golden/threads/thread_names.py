# Default thread names: 'Thread-N (target)' for a target, 'Thread-N' for
# subclasses and target-less threads; explicit names do not use a number;
# name assignment; current_thread().name inside threads and in main.
import threading

print(threading.current_thread().name)
print(threading.main_thread().name)

def job():
    pass

class Sub(threading.Thread):
    def run(self):
        pass

t1 = threading.Thread(target=job)
t2 = threading.Thread(target=lambda: None)
t3 = Sub()
t4 = threading.Thread()
t5 = threading.Thread(target=job, name='worker')
t6 = threading.Thread(target=job)
t7 = threading.Thread(name='')
t8 = threading.Thread(name=123)
t9 = threading.Thread(target=print)
for t in [t1, t2, t3, t4, t5, t6, t7, t8, t9]:
    print(repr(t.name))

class Callable:
    def __call__(self):
        pass
t10 = threading.Thread(target=Callable())
print(repr(t10.name))

# The name is an ordinary attribute that can be changed, before or after start
t1.name = 'renamed'
print(t1.name)
t1.name = 7
print(repr(t1.name))

names = []
lock = threading.Lock()
def record():
    with lock:
        names.append(threading.current_thread().name)

ts = [threading.Thread(target=record, name='w%d' % i) for i in range(5)]
ts.append(threading.Thread(target=record))
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(names))

# Renaming from inside the running thread
def rename_self():
    threading.current_thread().name = 'self-named'
    record()
names.clear()
t = threading.Thread(target=rename_self)
t.start()
t.join()
print(names, t.name)

# getName/setName still work (deprecated in 3.11, the warning goes to stderr)
t = threading.Thread(target=job, name='old')
print(t.getName())
t.setName('older')
print(t.getName(), t.name)

# Subclass with its own __init__ forwarding a name
class Named(threading.Thread):
    def __init__(self, label):
        super().__init__(name='named-' + label)
        self.label = label
    def run(self):
        record()
names.clear()
n = Named('x')
n.start()
n.join()
print(names, n.label)
