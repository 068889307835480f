# Threads that sleep, wait with timeouts and measure time: under the
# scheduler the time is virtual, so this takes no real time and prints the
# same on every run.
import queue
import threading
import time

q = queue.Queue()
start = time.monotonic()


def worker(k):
    time.sleep(0.5 * k)
    q.put((k, round(time.monotonic() - start, 1)))


ts = [threading.Thread(target=worker, args=(k,)) for k in (3, 1, 2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([q.get() for _ in range(3)])
try:
    q.get(timeout=10)
except queue.Empty:
    print('empty after', round(time.monotonic() - start, 1))
