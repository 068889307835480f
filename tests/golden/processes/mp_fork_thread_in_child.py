# A child forked while the parent's threads are busy (waiting for the
# interpreter lock, taking locks, waiting on conditions) starts threads of
# its own: they must run, block and wake normally, never stuck on one of
# the interpreter's locks that a parent thread held at the fork. (A
# threading.Lock the program's other threads were holding stays held in
# the child, in CPython as in pyl, so the child makes its own.)
# Repeated to catch a bad moment.
import multiprocessing as mp
import queue
import threading

stop = threading.Event()
lock = threading.Lock()
cond = threading.Condition()
counter = [0]


def spin():
    n = 0
    while not stop.is_set():
        n += 1


def locker():
    while not stop.is_set():
        with lock:
            counter[0] += 1
        with cond:
            cond.notify_all()


def waiter():
    while not stop.is_set():
        with cond:
            cond.wait(0.001)


def child(i, results):
    q = queue.Queue()
    done = threading.Event()
    mine = threading.Lock()

    def worker(k):
        with mine:
            pass
        q.put(k * k)
        done.wait()

    ts = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
    for t in ts:
        t.start()
    got = sorted(q.get() for _ in ts)
    done.set()
    for t in ts:
        t.join()
    results.put((i, got, threading.active_count()))


if __name__ == '__main__':
    threads = [threading.Thread(target=f) for f in (spin, spin, locker, locker, waiter)]
    for t in threads:
        t.start()
    results = mp.Queue()
    codes = set()
    seen = []
    for i in range(40):
        p = mp.Process(target=child, args=(i, results))
        p.start()
        seen.append(results.get(timeout=30))
        p.join(30)
        codes.add(p.exitcode)
    stop.set()
    for t in threads:
        t.join()
    print(codes)
    print(seen[0], seen[-1], all(s[1] == [0, 1, 4] for s in seen))
    print([s[0] for s in seen] == list(range(40)))
    # A queue takes far more than a pipe holds before anyone reads it.
    q = mp.Queue()
    for i in range(20000):
        q.put(('item', i))
    print(q.qsize(), sum(q.get()[1] for _ in range(20000)), q.qsize())
