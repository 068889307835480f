# The _thread module: start_new_thread with args/kwargs, waiting with
# allocate_lock locks, get_ident, LockType, error is RuntimeError, argument
# errors, and threading built on top of the same primitives.
import _thread
import threading

print(_thread.error is RuntimeError)
print(type(_thread.allocate_lock()) is _thread.LockType)
print(_thread.LockType is type(threading.Lock()))
print(type(_thread.get_ident()).__name__, _thread.get_ident() == threading.get_ident())
print(_thread.TIMEOUT_MAX == threading.TIMEOUT_MAX)

done = _thread.allocate_lock()
done.acquire()
box = {}
def work(a, b, c=0):
    box['sum'] = a + b + c
    box['ident'] = _thread.get_ident()
    done.release()
ident = _thread.start_new_thread(work, (1, 2), {'c': 3})
done.acquire()
print('result:', box['sum'])
print('returned ident is an int:', type(ident).__name__, 'matches get_ident in thread:', ident == box['ident'])
print('differs from main:', ident != _thread.get_ident())

# Several threads, each signalling completion through its own lock
locks = []
out = []
out_lock = _thread.allocate_lock()
def square(i, lk):
    with out_lock:
        out.append(i * i)
    lk.release()
for i in range(5):
    lk = _thread.allocate_lock()
    lk.acquire()
    locks.append(lk)
    _thread.start_new_thread(square, (i, lk))
for lk in locks:
    lk.acquire()
print(sorted(out))

# allocate_lock behaves like threading.Lock
lk = _thread.allocate_lock()
print(lk.acquire(), lk.locked(), lk.acquire(0), lk.acquire(True, 0.01))
lk.release()
try:
    lk.release()
except _thread.error as e:
    print('_thread.error:', e)
with lk:
    print('with:', lk.locked())
print(lk.locked())

# Argument checking
for args in [(work, 1), (1, ()), (work, (), 5)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print('TypeError:', e)

# A thread started this way is visible to threading as a dummy thread
seen = []
fin = _thread.allocate_lock()
fin.acquire()
def peek():
    t = threading.current_thread()
    seen.append((t.name.startswith('Dummy-'), t.daemon, t.ident == _thread.get_ident()))
    fin.release()
_thread.start_new_thread(peek, ())
fin.acquire()
print(seen)

# RLock from _thread
r = _thread.RLock()
print(r.acquire(), r.acquire(), type(r) is type(threading.RLock()))
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)
