# A bounded queue that nobody empties.
import queue

q = queue.Queue(maxsize=2)
for i in range(3):
    q.put(i)
    print('put', i, flush=True)
