# multiprocessing waits convert their timeouts as CPython does: the waits
# built on connection.wait (Process.join, Connection.poll, Queue.get) fail
# for infinity and NaN as math.ceil does, the semaphores take any number.
import multiprocessing as mp

INF = float('inf')
NAN = float('nan')
VALUES = [('inf', INF), ('nan', NAN), ('1e100', 1e100), ('big', 10**30),
          ('-inf', -INF), ('-1', -1), ('-0.5', -0.5), ('0', 0), ('str', 'x')]


def attempt(label, fn):
    try:
        print(label, 'ok', fn())
    except Exception as e:
        print(label, type(e).__name__, e)


def ready_poll(v):
    a, b = mp.Pipe()
    b.send(1)
    return a.poll(v)


def full_get(v):
    q = mp.Queue()
    q.put(1)
    return q.get(timeout=v)


def set_event():
    e = mp.Event()
    e.set()
    return e


if __name__ == '__main__':
    ended = mp.Process(target=int)
    ended.start()
    ended.join()
    pipe = mp.Pipe()
    for name, v in VALUES:
        attempt('ended Process.join ' + name, lambda: ended.join(v))
        attempt('ready Connection.poll ' + name, lambda: ready_poll(v))
        if name not in ('1e100', 'big'):
            attempt('empty Connection.poll ' + name, lambda: pipe[0].poll(v))
            attempt('empty Queue.get ' + name, lambda: mp.Queue().get(timeout=v))
        if name not in ('-inf', '-1', '-0.5', '0'):
            # (a zero wait may come before the feeder thread has written)
            attempt('full Queue.get ' + name, lambda: full_get(v))
        attempt('Lock.acquire ' + name, lambda: mp.Lock().acquire(timeout=v))
        attempt('Semaphore.acquire ' + name, lambda: mp.Semaphore(1).acquire(timeout=v))
        attempt('set Event.wait ' + name, lambda: set_event().wait(v))
