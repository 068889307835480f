# Blocking put/get across threads: a put on a full queue waits until a get
# makes room, a get on an empty queue waits for a put, a timed get succeeds
# when the item arrives in time, and SimpleQueue.get blocks likewise.
import queue
import threading
import time

q = queue.Queue(maxsize=1)
q.put('first')
events = []
put_done = threading.Event()
def blocked_put():
    q.put('second')
    events.append('put returned')
    put_done.set()
t = threading.Thread(target=blocked_put)
t.start()
print('put still blocked:', not put_done.wait(0.02))
print('got:', q.get())
t.join()
print(events, 'now holding:', q.get_nowait())

# get() waits for a producer
q = queue.Queue()
def late_put():
    time.sleep(0.02)
    q.put('late item')
t = threading.Thread(target=late_put)
t.start()
print('blocking get:', q.get())
t.join()

# A timed get that succeeds before the timeout
t = threading.Thread(target=late_put)
t.start()
print('timed get:', q.get(timeout=10))
t.join()

# A timed put that succeeds once a consumer makes room
q = queue.Queue(maxsize=1)
q.put(0)
def late_get():
    time.sleep(0.02)
    q.get()
t = threading.Thread(target=late_get)
t.start()
q.put(1, timeout=10)
t.join()
print('timed put succeeded, holding:', q.get_nowait())

# Several blocked getters each receive exactly one item
q = queue.Queue()
got = []
lock = threading.Lock()
def getter():
    item = q.get()
    with lock:
        got.append(item)
gs = [threading.Thread(target=getter) for _ in range(5)]
for g in gs:
    g.start()
for i in range(5):
    q.put(i)
for g in gs:
    g.join()
print('getters:', sorted(got))

# Several blocked putters on a full queue all get through
q = queue.Queue(maxsize=2)
ps = [threading.Thread(target=q.put, args=(i,)) for i in range(6)]
for p in ps:
    p.start()
drained = [q.get() for _ in range(6)]
for p in ps:
    p.join()
print('putters:', sorted(drained), q.empty())

# SimpleQueue blocking get
sq = queue.SimpleQueue()
def sq_put():
    time.sleep(0.02)
    sq.put('simple')
t = threading.Thread(target=sq_put)
t.start()
print('SimpleQueue get:', sq.get(), sq.empty())
t.join()

# LifoQueue/PriorityQueue blocking get
for cls in (queue.LifoQueue, queue.PriorityQueue):
    cq = cls()
    def put_two():
        time.sleep(0.01)
        cq.put(5)
    t = threading.Thread(target=put_two)
    t.start()
    print(cls.__name__, 'get:', cq.get(timeout=10))
    t.join()
