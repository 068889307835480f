# Queue (FIFO), LifoQueue, PriorityQueue and SimpleQueue orderings,
# qsize/empty/full, maxsize <= 0 meaning unbounded, and the class relations.
import queue

q = queue.Queue()
for i in range(5):
    q.put(i)
print('Queue:', q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print('LifoQueue:', lq.qsize(), [lq.get() for _ in range(5)])

pq = queue.PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (5, 'e'), (2, 'b'), (4, 'd'), (1, 'A')]:
    pq.put(item)
print('PriorityQueue:', [pq.get() for _ in range(6)])
pq2 = queue.PriorityQueue()
for n in [9, 4, 7, 1, 8]:
    pq2.put(n)
print('PriorityQueue ints:', [pq2.get_nowait() for _ in range(5)])

sq = queue.SimpleQueue()
for i in 'abc':
    sq.put(i)
print('SimpleQueue:', sq.qsize(), sq.empty(), [sq.get() for _ in range(3)], sq.empty())
sq.put_nowait('x')
sq.put('y', block=False, timeout=1)
print(sq.get_nowait(), sq.get(block=True, timeout=1), sq.qsize())

# maxsize
for ms in [0, -1, -5]:
    q = queue.Queue(maxsize=ms)
    for i in range(1000):
        q.put_nowait(i)
    print('maxsize', ms, 'attribute', q.maxsize, 'holds', q.qsize(), 'full:', q.full())
q = queue.Queue(2)
print(q.maxsize, q.full())
q.put(1)
print(q.full(), q.qsize())
q.put(2)
print(q.full(), q.qsize())
q.get()
print(q.full(), q.qsize())
lq = queue.LifoQueue(maxsize=1)
lq.put('only')
print('bounded lifo full:', lq.full())
pq = queue.PriorityQueue(3)
print('pq maxsize:', pq.maxsize)
print('default maxsize:', queue.Queue().maxsize)

# Any object can be queued, including None and the queue itself
q = queue.Queue()
q.put(None)
q.put(q)
q.put([1, 2])
print(q.get(), q.get() is q, q.get())

# PriorityQueue with items that cannot be compared
pq = queue.PriorityQueue()
pq.put((1, {'a': 1}))
try:
    pq.put((1, {'b': 2}))
except TypeError as e:
    print('TypeError:', e)

# Class relations
print(issubclass(queue.LifoQueue, queue.Queue), issubclass(queue.PriorityQueue, queue.Queue))
print(issubclass(queue.SimpleQueue, queue.Queue))
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Empty is not queue.Full)

# get/put with block=True on a non-empty/non-full queue never waits
q = queue.Queue(3)
q.put('a', True, None)
q.put('b', block=True, timeout=0.5)
print(q.get(True, None), q.get(block=True, timeout=0.5))
