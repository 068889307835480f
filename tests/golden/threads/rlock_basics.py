# threading.RLock: re-entrant acquisition by the owner, one release per
# acquire, other threads blocked until the last release, releasing from a
# thread that does not own it, nested context managers, recursion.
import threading

r = threading.RLock()
print(type(r).__name__)
print(r.acquire(), r.acquire(), r.acquire(blocking=False), r.acquire(timeout=0.01))

other = []
def try_other():
    other.append(r.acquire(blocking=False))
    other.append(r.acquire(timeout=0.01))

def run(f):
    t = threading.Thread(target=f)
    t.start()
    t.join()

run(try_other)
print('other thread while held 4 times:', other)
for i in range(3):
    r.release()
other.clear()
run(try_other)
print('other thread while held once:', other)
r.release()
other.clear()
run(try_other)
print('other thread after full release:', other)
# try_other acquired it twice and its thread is gone: the lock stays owned by
# that dead thread, so main cannot release it
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError', e)

r2 = threading.RLock()
try:
    r2.release()
except RuntimeError as e:
    print('RuntimeError', e)

# Releasing from another thread is an error for RLock
r2.acquire()
errs = []
def bad_release():
    try:
        r2.release()
    except RuntimeError as e:
        errs.append(str(e))
run(bad_release)
print(errs)
r2.release()

# Nested context managers and recursion
r3 = threading.RLock()
def depth(n):
    with r3:
        if n == 0:
            return 0
        return 1 + depth(n - 1)
print('recursion depth', depth(20))
with r3:
    with r3:
        with r3:
            print('nested three deep')
probe = []
run(lambda: probe.append(r3.acquire(blocking=False)))
print('free after nesting:', probe)

# The owner releasing completely lets a blocked thread in
r4 = threading.RLock()
r4.acquire()
r4.acquire()
entered = threading.Event()
def blocked():
    with r4:
        entered.set()
t = threading.Thread(target=blocked)
t.start()
r4.release()
print('entered after one release:', entered.wait(0.02))
r4.release()
t.join()
print('entered after both releases:', entered.is_set())

# Counting with an RLock shared by methods that call each other
class Account:
    def __init__(self):
        self.lock = threading.RLock()
        self.balance = 0
    def deposit(self, n):
        with self.lock:
            self.balance += n
    def deposit_twice(self, n):
        with self.lock:
            self.deposit(n)
            self.deposit(n)
acct = Account()
ts = [threading.Thread(target=lambda: [acct.deposit_twice(1) for _ in range(500)]) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('balance', acct.balance)
