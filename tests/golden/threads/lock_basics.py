# threading.Lock in one thread: acquire/release return values, locked(),
# non-blocking and timed acquire of a held lock, the context manager,
# releasing an unlocked lock, and argument errors.
import threading
import _thread

lock = threading.Lock()
print(type(lock) is _thread.LockType, type(lock).__name__)
print('locked:', lock.locked())
print('acquire:', lock.acquire())
print('locked:', lock.locked())
print('acquire(blocking=False) on held lock:', lock.acquire(blocking=False))
print('acquire(False) on held lock:', lock.acquire(False))
print('acquire(timeout=0.01) on held lock:', lock.acquire(timeout=0.01))
print('acquire(True, 0) on held lock:', lock.acquire(True, 0))
print('release:', lock.release())
print('locked:', lock.locked())
print('acquire(blocking=False) on free lock:', lock.acquire(blocking=False))
lock.release()
print('acquire(timeout=0.5) on free lock:', lock.acquire(timeout=0.5))
lock.release()
print('acquire(timeout=-1) means forever:', lock.acquire(timeout=-1))
lock.release()

try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError', e)
print(threading.ThreadError is RuntimeError)

# Context manager
with lock as entered:
    print('in with:', lock.locked(), entered)
print('after with:', lock.locked())

try:
    with lock:
        print('raising inside with')
        raise KeyError('x')
except KeyError:
    pass
print('released after exception:', lock.locked())

# __enter__/__exit__ directly
print(lock.__enter__(), lock.locked())
print(lock.__exit__(None, None, None), lock.locked())

# Argument errors
for args, kwargs in [((False, 1), {}), ((), {'blocking': False, 'timeout': 0.5}),
                     ((), {'timeout': -2}), ((), {'timeout': -0.5}),
                     ((), {'blocking': False, 'timeout': -1})]:
    try:
        r = lock.acquire(*args, **kwargs)
        print(args, kwargs, '->', r)
        lock.release()
    except ValueError as e:
        print(args, kwargs, 'ValueError', e)
try:
    lock.acquire(timeout='1')
except TypeError as e:
    print('TypeError')
print('still unlocked:', lock.locked())

# Many independent locks
locks = [threading.Lock() for _ in range(5)]
for i, l in enumerate(locks):
    if i % 2:
        l.acquire()
print([l.locked() for l in locks])

# _thread.allocate_lock gives the same type
l2 = _thread.allocate_lock()
print(type(l2) is type(lock), l2.acquire(), l2.locked())
l2.release()

# Lock objects are not reentrant: a second acquire from the same thread
# only succeeds with a timeout/non-blocking returning False
with lock:
    print('reentrant try:', lock.acquire(False))
