# deque: constant-time ends (popleft moves a start index), indexing,
# rotation, bounded appends and a recursive repr after many poplefts.
from collections import deque
import time
d = deque(range(10))
for i in range(40):
    d.append(i); print(d.popleft(), end=' ')
print()
print(d, len(d), d[0], d[-1], d[3], list(reversed(d))[:3])
d.appendleft('a'); d.appendleft('b'); print(d, len(d))
d.rotate(3); print(d); d.rotate(-5); print(d)
del d[2]; print(d); d[1] = 'X'; print(d, d.index('X'), d.count(5), 5 in d)
d.remove('X'); print(d); d.insert(2, 'ins'); print(d); d.reverse(); print(d)
m = deque(range(5), maxlen=3); print(m); m.append(9); m.appendleft(-1); print(m)
for _ in range(100): m.append(_)
print(m, m.maxlen)
e = deque()
for i in range(100): e.append(i)
for i in range(90): e.popleft()
print(e, len(e), e[0], e[-1], bool(e), e == deque(range(90, 100)), e < deque([91]))
try: e[10]
except IndexError as x: print(x)
try: deque().popleft()
except IndexError as x: print(x)
try: deque().pop()
except IndexError as x: print(x)
e.clear(); print(e, len(e), bool(e))
big = deque(range(200000))
t = 0
while big:
    t += big.popleft()
print(t)
x = deque([1,2]); x.append(x); print(x)
print(deque('abc') + deque('de'), deque('ab') * 2, deque([1,2,3], maxlen=2))
q = deque(range(50)); [q.popleft() for _ in range(40)]; q.extendleft([100, 101]); print(q, q[0], len(q))
q *= 2; print(q)
print(q.copy() == q, deque(q) == q)
