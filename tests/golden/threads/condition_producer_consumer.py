# Condition: a producer/consumer pair over a list with wait()/notify(),
# several consumers woken with notify_all(), and items received in order.
import threading

cond = threading.Condition()
items = []
DONE = object()
received = []

def consumer():
    while True:
        with cond:
            while not items:
                cond.wait()
            item = items.pop(0)
        if item is DONE:
            return
        received.append(item)

def producer(n):
    for i in range(n):
        with cond:
            items.append(i)
            cond.notify()
    with cond:
        items.append(DONE)
        cond.notify()

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer, args=(200,))
c.start()
p.start()
p.join()
c.join()
print('single consumer, in order:', received == list(range(200)))

# Several consumers, several producers, notify_all on shutdown
cond = threading.Condition()
queue = []
finished = False
got = []
got_lock = threading.Lock()

def consumer2():
    while True:
        with cond:
            while not queue and not finished:
                cond.wait()
            if not queue and finished:
                return
            item = queue.pop()
        with got_lock:
            got.append(item)

def producer2(base):
    for i in range(100):
        with cond:
            queue.append(base + i)
            cond.notify()

cs = [threading.Thread(target=consumer2) for _ in range(3)]
ps = [threading.Thread(target=producer2, args=(k * 1000,)) for k in range(3)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
with cond:
    finished = True
    cond.notify_all()
for t in cs:
    t.join()
print(len(got), sorted(got) == sorted(k * 1000 + i for k in range(3) for i in range(100)))

# wait() returns True when notified
cond = threading.Condition()
ret = []
ready = threading.Event()
flag = []
def notified_waiter():
    with cond:
        ready.set()
        while not flag:
            ret.append(cond.wait())
t = threading.Thread(target=notified_waiter)
t.start()
ready.wait()
with cond:
    flag.append(1)
    cond.notify()
t.join()
print('wait returned', ret)

# A step-by-step hand-off between two threads using a turn variable
cond = threading.Condition()
turn = ['a']
trace = []
def stepper(me, nxt):
    for i in range(4):
        with cond:
            cond.wait_for(lambda: turn[0] == me)
            trace.append(me + str(i))
            turn[0] = nxt
            cond.notify_all()
ta = threading.Thread(target=stepper, args=('a', 'b'))
tb = threading.Thread(target=stepper, args=('b', 'c'))
tc = threading.Thread(target=stepper, args=('c', 'a'))
for t in (tc, tb, ta):
    t.start()
for t in (ta, tb, tc):
    t.join()
print(trace)
