# Barrier failure modes: abort() breaks waiting parties with
# BrokenBarrierError, later waits fail at once, reset() repairs it, a
# wait(timeout) that expires breaks the barrier for everyone, an action that
# raises breaks it too.
import threading
import time

print(issubclass(threading.BrokenBarrierError, RuntimeError))

errors = []
lock = threading.Lock()
def party(b, timeout=None):
    try:
        b.wait(timeout)
        r = 'passed'
    except threading.BrokenBarrierError as e:
        r = 'broken'
    with lock:
        errors.append(r)

# abort() while two parties wait
b = threading.Barrier(3)
ts = [threading.Thread(target=party, args=(b,)) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    time.sleep(0.001)
b.abort()
for t in ts:
    t.join()
print('after abort:', sorted(errors), b.broken, b.n_waiting)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print('wait on broken barrier:', type(e).__name__, repr(str(e)))

# reset() makes it usable again
b.reset()
print('after reset broken:', b.broken)
errors.clear()
ts = [threading.Thread(target=party, args=(b,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('full round after reset:', sorted(errors))

# reset() while parties wait: they get BrokenBarrierError, barrier not broken
errors.clear()
b = threading.Barrier(3)
ts = [threading.Thread(target=party, args=(b,)) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    time.sleep(0.001)
b.reset()
for t in ts:
    t.join()
print('reset with waiters:', sorted(errors), 'broken:', b.broken)

# A wait with a timeout that expires breaks the barrier
errors.clear()
b = threading.Barrier(2)
t = threading.Thread(target=party, args=(b, 0.02))
t.start()
t.join()
print('timed out:', errors, 'broken:', b.broken)
try:
    b.wait()
except threading.BrokenBarrierError:
    print('later wait raises BrokenBarrierError')

# Timeout expiring for one party breaks the others who wait without timeout
errors.clear()
b = threading.Barrier(3)
ts = [threading.Thread(target=party, args=(b,)), threading.Thread(target=party, args=(b, 0.03))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('one timeout breaks all:', sorted(errors), b.broken)

# Barrier(timeout=...) default timeout
errors.clear()
b = threading.Barrier(2, timeout=0.02)
t = threading.Thread(target=party, args=(b,))
t.start()
t.join()
print('constructor timeout:', errors, b.broken)

# An action that raises: the last party gets the exception, others are broken
def bad_action():
    raise ValueError('action failed')
b = threading.Barrier(3, action=bad_action)
out = []
def party2():
    try:
        b.wait()
        r = 'passed'
    except threading.BrokenBarrierError:
        r = 'broken'
    except ValueError as e:
        r = 'ValueError: %s' % e
    with lock:
        out.append(r)
ts = [threading.Thread(target=party2) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out), b.broken)

# abort() on an idle barrier
b = threading.Barrier(2)
b.abort()
print('idle abort:', b.broken)
b.reset()
print('idle reset:', b.broken)
