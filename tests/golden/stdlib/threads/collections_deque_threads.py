# deque.append and popleft are atomic: four threads move every item once.
import threading
from collections import deque

src = deque(range(4000))
dst = deque()


def mover():
    while True:
        try:
            x = src.popleft()
        except IndexError:
            return
        dst.append(x)


ts = [threading.Thread(target=mover) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(src), len(dst), sorted(dst) == list(range(4000)))
