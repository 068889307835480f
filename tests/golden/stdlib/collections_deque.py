from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], list(d))
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(3 in d, 99 in d, d.count(7), d.index(7))
b = deque(range(5), maxlen=3)
print(b, b.maxlen)
b.append(9); print(b)
b.appendleft(-1); print(b)
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]))
e = deque()
for op in (e.pop, e.popleft):
    try:
        op()
    except IndexError as ex:
        print("IndexError:", ex)
try:
    e[0]
except IndexError as ex:
    print("IndexError:", ex)
try:
    deque([1]).remove(5)
except ValueError as ex:
    print("ValueError:", ex)
try:
    deque(maxlen=-1)
except ValueError as ex:
    print("ValueError:", ex)
d = deque("abc"); d[1] = "X"; del d[0]; print(d, bool(d), bool(deque()))
print(list(reversed(deque([1, 2, 3]))), deque([1, 2]) + deque([3]), deque([1]) * 3)
d.clear(); print(d)
c = deque([1, 2], maxlen=2).copy(); print(c)
d = deque([1, 2, 3]); d.reverse(); d.insert(1, 10); print(d)
try:
    hash(deque())
except TypeError as ex:
    print("TypeError:", ex)
