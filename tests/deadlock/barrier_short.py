# A barrier for three parties that only two threads reach.
import threading

barrier = threading.Barrier(3)


def worker():
    barrier.wait()
    print('never printed')


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
