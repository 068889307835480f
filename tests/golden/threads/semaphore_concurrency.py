# A Semaphore limiting concurrency: with Semaphore(2) and 6 threads the
# number of threads inside the guarded section never exceeds 2, and every
# thread gets in; the same with a BoundedSemaphore(3) as a resource pool.
import threading
import time

def run(sem, limit, nthreads, rounds):
    inside = 0
    peak = 0
    entries = 0
    counter_lock = threading.Lock()
    def worker():
        nonlocal inside, peak, entries
        for _ in range(rounds):
            with sem:
                with counter_lock:
                    inside += 1
                    entries += 1
                    peak = max(peak, inside)
                time.sleep(0.001)
                with counter_lock:
                    inside -= 1
    ts = [threading.Thread(target=worker) for _ in range(nthreads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print('limit', limit, 'peak <= limit:', peak <= limit, 'peak >= 1:', peak >= 1,
          'entries:', entries, 'inside at end:', inside)

run(threading.Semaphore(2), 2, 6, 5)
run(threading.BoundedSemaphore(3), 3, 5, 4)
run(threading.Semaphore(1), 1, 4, 10)

# A pool of named resources handed out under a BoundedSemaphore
pool = ['r0', 'r1', 'r2']
pool_lock = threading.Lock()
sem = threading.BoundedSemaphore(len(pool))
used = []
def use(i):
    with sem:
        with pool_lock:
            res = pool.pop()
        used.append(res)
        time.sleep(0.001)
        with pool_lock:
            pool.append(res)
ts = [threading.Thread(target=use, args=(i,)) for i in range(12)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(used), all(r in ('r0', 'r1', 'r2') for r in used), sorted(pool))
