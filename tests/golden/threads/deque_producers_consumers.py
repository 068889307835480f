# Two producers append to one deque while two consumers popleft: every
# item is taken exactly once, with or without the GIL.
import threading
from collections import deque
d = deque()
N = 20000
got = []
lock = threading.Lock()
def producer(k):
    for i in range(N):
        d.append((k, i))
def consumer():
    n = 0
    mine = []
    while n < N:
        try:
            mine.append(d.popleft())
            n += 1
        except IndexError:
            pass
    with lock:
        got.extend(mine)
ts = [threading.Thread(target=producer, args=(k,)) for k in range(2)] + [threading.Thread(target=consumer) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(len(got), len(set(got)), len(d))
