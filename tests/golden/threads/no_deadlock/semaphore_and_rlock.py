# A semaphore limits five workers to two at a time; an RLock is taken
# again by the thread that holds it.
import threading

sem = threading.BoundedSemaphore(2)
rlock = threading.RLock()
active = [0]
peak = [0]
guard = threading.Lock()


def nested(n):
    with rlock:
        if n:
            nested(n - 1)


def worker():
    for _ in range(50):
        with sem:
            with guard:
                active[0] += 1
                peak[0] = max(peak[0], active[0])
            nested(3)
            with guard:
                active[0] -= 1


threads = [threading.Thread(target=worker) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(peak[0] <= 2, active[0])
