# Three threads meet at a barrier after every round.
import threading

barrier = threading.Barrier(3)
counts = [0, 0, 0]


def worker(k):
    for _ in range(100):
        counts[k] += 1
        barrier.wait()


threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts, barrier.broken)
