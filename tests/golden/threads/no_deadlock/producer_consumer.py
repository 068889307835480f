# Producers and consumers on a bounded queue, with a sentinel per consumer:
# threads block on put and get all the time, and always go on.
import queue
import threading

q = queue.Queue(maxsize=3)
results = []
results_lock = threading.Lock()


def producer(base):
    for i in range(200):
        q.put(base + i)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with results_lock:
            results.append(item)
        q.task_done()


consumers = [threading.Thread(target=consumer) for _ in range(3)]
producers = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
q.join()
for t in consumers:
    t.join()
print(len(results), sum(results))
