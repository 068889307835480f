# Value and Array live in memory shared with the children: a child's
# writes are seen by the parent; get_lock() makes += safe across four
# processes; mp.Lock, Semaphore and Event work across processes.
import multiprocessing as mp


def add_many(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1


def fill(arr, k):
    for i in range(len(arr)):
        if i % 4 == k:
            arr[i] = i * i


def guarded(lock, log_arr, i):
    with lock:
        log_arr[i] = 1


def waiter(ev, out):
    out.value = 1 if ev.wait(5) else -1


if __name__ == '__main__':
    v = mp.Value('i', 0)
    print(v.value, v)
    ps = [mp.Process(target=add_many, args=(v, 500)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('counter', v.value)

    arr = mp.Array('i', 12)
    ps = [mp.Process(target=fill, args=(arr, k)) for k in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(arr[:], len(arr), arr[3], arr[-1], list(arr)[:3])

    d = mp.Array('d', [0.5, 1.5, 2.5])
    d[1] = 10
    print(d[:], sum(d))
    small = mp.Value('b', 127)
    small.value += 1
    print('wraps', small.value)
    f = mp.Value('d', 1.25, lock=False)
    print(f.value)
    try:
        arr[12]
    except IndexError as e:
        print('IndexError', e)
    try:
        arr[0] = 1.5
    except TypeError as e:
        print('TypeError', e)

    lock = mp.Lock()
    flags = mp.Array('b', 5)
    ps = [mp.Process(target=guarded, args=(lock, flags, i)) for i in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(flags[:], lock.acquire(False), lock.acquire(False))
    lock.release()
    try:
        lock.release()
        lock.release()
    except ValueError as e:
        print('ValueError', e)

    sem = mp.Semaphore(2)
    print(sem.acquire(), sem.acquire(), sem.acquire(False))

    ev = mp.Event()
    out = mp.Value('i', 0)
    p = mp.Process(target=waiter, args=(ev, out))
    p.start()
    print(ev.is_set())
    ev.set()
    p.join()
    print(ev.is_set(), out.value)
    ev.clear()
    print(ev.is_set(), ev.wait(0.01))
