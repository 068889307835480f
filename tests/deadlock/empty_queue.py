# A consumer waits on a queue that nobody will ever fill.
import queue
import threading

q = queue.Queue()


def producer():
    for i in range(3):
        q.put(i)


t = threading.Thread(target=producer)
t.start()
t.join()
for _ in range(4):
    print('got', q.get(), flush=True)
