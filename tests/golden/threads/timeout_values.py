# Every threading wait and time.sleep converts its timeout as CPython does:
# NaN, infinity, huge floats and huge ints give CPython's errors (never a
# crash or a wait forever), negative and zero timeouts only look.
import queue
import threading
import time

INF = float('inf')
NAN = float('nan')
VALUES = [('inf', INF), ('nan', NAN), ('1e100', 1e100), ('1e10', 1e10), ('big', 10**30),
          ('-inf', -INF), ('-1', -1), ('-0.5', -0.5), ('0', 0), ('str', 'x')]
# Values for which a wait that cannot succeed would really wait (or, for
# NaN in CPython's pure-Python loops, spin): those are only tried where
# the wait succeeds at once.
LONG = ('1e100', '1e10', 'big')


def attempt(label, fn):
    try:
        print(label, 'ok', fn())
    except Exception as e:
        print(label, type(e).__name__, e)


def held_lock():
    lock = threading.Lock()
    lock.acquire()
    return lock


def set_event():
    e = threading.Event()
    e.set()
    return e


def cond_wait(v):
    c = threading.Condition()
    with c:
        return c.wait(v)


def cond_wait_for(v, result):
    c = threading.Condition()
    with c:
        return c.wait_for(lambda: result, v)


release = threading.Event()


def blocked_join(v):
    # A fresh thread each time: when join's acquire fails, CPython 3.11
    # marks the thread as stopped (bpo-45274's clean-up), so a thread
    # joined once with a bad timeout would look ended to the next join.
    blocked = threading.Thread(target=release.wait)
    blocked.start()
    return blocked.join(v)


for name, v in VALUES:
    attempt('Lock.acquire ' + name, lambda: threading.Lock().acquire(timeout=v))
    attempt('RLock.acquire ' + name, lambda: threading.RLock().acquire(timeout=v))
    if name not in LONG + ('-1',):
        attempt('held Lock.acquire ' + name, lambda: held_lock().acquire(timeout=v))
    attempt('set Event.wait ' + name, lambda: set_event().wait(v))
    if name not in LONG:
        attempt('Event.wait ' + name, lambda: threading.Event().wait(v))
        attempt('Condition.wait ' + name, lambda: cond_wait(v))
        if name != 'nan':
            attempt('Condition.wait_for false ' + name, lambda: cond_wait_for(v, False))
    attempt('Condition.wait_for true ' + name, lambda: cond_wait_for(v, True))
    attempt('Semaphore.acquire ' + name, lambda: threading.Semaphore(1).acquire(timeout=v))
    if name not in LONG + ('nan',):
        attempt('empty Semaphore.acquire ' + name, lambda: threading.Semaphore(0).acquire(timeout=v))
    if name not in LONG:
        attempt('blocked Thread.join ' + name, lambda: blocked_join(v))
    attempt('Barrier(1).wait ' + name, lambda: threading.Barrier(1).wait(v))
    attempt('full Queue.get ' + name, lambda: (lambda q: (q.put(1), q.get(timeout=v))[1])(queue.Queue()))
    if name not in LONG + ('nan',):
        attempt('empty Queue.get ' + name, lambda: queue.Queue().get(timeout=v))
    attempt('Queue.put ' + name, lambda: queue.Queue(1).put(1, timeout=v))
    if name not in ('nan',) + LONG[1:]:
        attempt('time.sleep ' + name, lambda: time.sleep(v))

release.set()
ended = threading.Thread(target=int)
ended.start()
ended.join()
attempt('ended Thread.join inf', lambda: ended.join(INF))
print(threading.TIMEOUT_MAX)
