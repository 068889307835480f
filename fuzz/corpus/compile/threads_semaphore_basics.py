# Semaphore and BoundedSemaphore counting in one thread: acquire until
# exhausted, non-blocking/timed acquires, release(n), the context manager,
# and the error messages.
import threading

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release()
print('after one release:', s.acquire(False), s.acquire(False))
s.release(2)
print('after release(2):', s.acquire(False), s.acquire(False), s.acquire(False))
# A plain Semaphore may be released beyond its initial value
s.release(3)
print('three more:', [s.acquire(False) for _ in range(4)])

s0 = threading.Semaphore(0)
print('Semaphore(0):', s0.acquire(False), s0.acquire(timeout=0))
s0.release()
print('after release:', s0.acquire(False))
d = threading.Semaphore()
print('default value is 1:', d.acquire(False), d.acquire(False))

for f in [lambda: threading.Semaphore(-1), lambda: threading.BoundedSemaphore(-3),
          lambda: threading.Semaphore(1).release(0), lambda: threading.Semaphore(1).release(-2),
          lambda: threading.Semaphore(1).acquire(False, 1)]:
    try:
        f()
    except ValueError as e:
        print('ValueError', e)

b = threading.BoundedSemaphore(2)
try:
    b.release()
except ValueError as e:
    print('ValueError', e)
print(b.acquire(), b.acquire(), b.acquire(False))
b.release()
b.release()
try:
    b.release()
except ValueError as e:
    print('ValueError', e)
b.acquire()
try:
    b.release(2)
except ValueError as e:
    print('ValueError release(2) with one taken:', e)
print('value unchanged by the failed release:', b.acquire(False), b.acquire(False))
b.release(2)
print(isinstance(b, threading.Semaphore), threading.BoundedSemaphore.__mro__[1] is threading.Semaphore)

# Context manager
s = threading.Semaphore(1)
with s as r:
    print('inside with:', r, s.acquire(False))
print('after with:', s.acquire(False))
s.release()
try:
    with s:
        raise ZeroDivisionError
except ZeroDivisionError:
    pass
print('released after exception:', s.acquire(False))

# A semaphore released by another thread wakes a blocked acquirer
s = threading.Semaphore(0)
got = []
def waiter():
    got.append(s.acquire(timeout=10))
ts = [threading.Thread(target=waiter) for _ in range(3)]
for t in ts:
    t.start()
s.release(3)
for t in ts:
    t.join()
print('waiters got:', got, 'left:', s.acquire(False))
