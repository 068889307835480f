# Forking while other threads are busy: the child has only the forking
# thread, never deadlocks on the interpreter's locks, and output written
# before the fork is not printed twice. Repeated to catch a bad moment.
import multiprocessing as mp
import threading

stop = threading.Event()
lock = threading.Lock()
shared = []


def busy():
    while not stop.is_set():
        with lock:
            shared.append(1)
            if len(shared) > 1000:
                del shared[:]


def child(q):
    q.put((threading.active_count(), threading.current_thread().name))


if __name__ == '__main__':
    print('printed once, before the forks')
    threads = [threading.Thread(target=busy) for _ in range(3)]
    for t in threads:
        t.start()
    q = mp.Queue()
    results = set()
    for _ in range(30):
        p = mp.Process(target=child, args=(q,))
        p.start()
        results.add(q.get(timeout=10))
        p.join()
        results.add(p.exitcode)
    stop.set()
    for t in threads:
        t.join()
    print(sorted(results, key=repr))
