# Condition details: wait(timeout) returning False, wait_for with a
# predicate and timeout, notify(n) waking exactly n waiters, conditions over
# a given Lock/RLock, and the errors for waiting/notifying without the lock.
import threading
import time

cond = threading.Condition()
with cond:
    print('wait(0.01) without notify:', cond.wait(0.01))
    print('wait(0) without notify:', cond.wait(0))
    print('wait_for true predicate:', cond.wait_for(lambda: 'yes'))
    print('wait_for false predicate, timeout:', cond.wait_for(lambda: 0, timeout=0.01))
    print('wait_for returns the last predicate value:', repr(cond.wait_for(lambda: '', 0.01)))
    calls = []
    def pred():
        calls.append(1)
        return len(calls) >= 1
    print('predicate true at once:', cond.wait_for(pred, 1), len(calls))

# Errors without the underlying lock
for name, f in [('wait', lambda: cond.wait()), ('wait(0.01)', lambda: cond.wait(0.01)),
                ('notify', lambda: cond.notify()), ('notify_all', lambda: cond.notify_all()),
                ('wait_for', lambda: cond.wait_for(lambda: False, 0.01))]:
    try:
        f()
    except RuntimeError as e:
        print(name, 'RuntimeError', e)
# wait_for checks the predicate first, so a true predicate needs no lock
print('wait_for true without lock:', cond.wait_for(lambda: True))

# notify with nobody waiting is fine
with cond:
    cond.notify()
    cond.notify(3)
    cond.notify_all()
print('notify with no waiters ok')

# A Condition over an explicit Lock and over an RLock
lk = threading.Lock()
c1 = threading.Condition(lk)
with c1:
    print('Lock held via condition:', lk.locked())
    print('wait(0.01) with Lock:', c1.wait(0.01), 'held again:', lk.locked())
print('Lock after with:', lk.locked())
try:
    c1.notify()
except RuntimeError as e:
    print('RuntimeError', e)
# acquire/release of the condition are those of the lock
print(c1.acquire(), lk.locked(), c1.acquire(False))
c1.release()
print(lk.locked())

rl = threading.RLock()
c2 = threading.Condition(rl)
with rl:
    with c2:
        # wait releases the RLock completely, even when held twice
        helper_got = []
        def helper():
            helper_got.append(rl.acquire(timeout=5))
            with c2:
                c2.notify()
            rl.release()
        t = threading.Thread(target=helper)
        t.start()
        print('wait on twice-held RLock:', c2.wait(5))
        t.join()
        print('helper acquired during wait:', helper_got)
    probe = []
    t = threading.Thread(target=lambda: probe.append(rl.acquire(False)))
    t.start()
    t.join()
    print('other thread while still held once:', probe)
t = threading.Thread(target=lambda: probe.append(rl.acquire(False)))
t.start()
t.join()
print('other thread after the last release:', probe)

# notify(n) wakes exactly n waiters
cond = threading.Condition()
waiting = 0
woken = 0
def waiter():
    global waiting, woken
    with cond:
        waiting += 1
        cond.wait()
        woken += 1
ts = [threading.Thread(target=waiter) for _ in range(5)]
for t in ts:
    t.start()
while True:
    with cond:
        if waiting == 5:
            cond.notify(2)
            break
    time.sleep(0.001)
while True:
    with cond:
        if woken >= 2:
            break
    time.sleep(0.001)
time.sleep(0.02)
with cond:
    print('woken after notify(2):', woken)
    cond.notify(1)
while True:
    with cond:
        if woken >= 3:
            break
    time.sleep(0.001)
time.sleep(0.02)
with cond:
    print('woken after notify(1):', woken)
    cond.notify_all()
for t in ts:
    t.join()
print('woken after notify_all:', woken)

# wait_for with a timeout that is met by another thread in time
cond = threading.Condition()
box = []
def fill():
    with cond:
        box.append('x')
        cond.notify_all()
with cond:
    threading.Thread(target=fill).start()
    print('wait_for satisfied:', cond.wait_for(lambda: box, timeout=5))
