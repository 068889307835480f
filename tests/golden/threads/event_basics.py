# Event: is_set/set/clear, wait(timeout) return values, many threads
# released together by one set(), and an event used as a start gate.
import threading

e = threading.Event()
print('initial:', e.is_set())
print('wait(0.01) unset:', e.wait(0.01))
print('wait(0) unset:', e.wait(0))
print('set returns:', e.set())
print('after set:', e.is_set())
print('wait() set:', e.wait(), 'wait(0) set:', e.wait(0), 'wait(5) set:', e.wait(5))
e.set()
print('set twice:', e.is_set())
print('clear returns:', e.clear())
print('after clear:', e.is_set(), e.wait(0.01))
e.clear()
print('clear twice:', e.is_set())
print('isSet still exists:', threading.Event().isSet())

# Many waiters released together
gate = threading.Event()
arrived = threading.Semaphore(0)
results = []
lock = threading.Lock()
def waiter(i):
    arrived.release()
    r = gate.wait()
    with lock:
        results.append((i, r))
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
for _ in ts:
    arrived.acquire()
with lock:
    print('nobody through before set:', results)
gate.set()
for t in ts:
    t.join()
print(sorted(results))

# Waiters with timeouts: those still waiting when set() happens get True
gate2 = threading.Event()
outcomes = []
def timed(i):
    outcomes.append(gate2.wait(10))
ts = [threading.Thread(target=timed, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
gate2.set()
for t in ts:
    t.join()
print(outcomes)

# A waiter that times out gets False while the event stays unset
never = threading.Event()
out = []
t = threading.Thread(target=lambda: out.append(never.wait(0.02)))
t.start()
t.join()
print('timed out:', out, never.is_set())

# Ordering three threads with events: each waits for its predecessor
evs = [threading.Event() for _ in range(4)]
order = []
def step(i):
    evs[i].wait()
    order.append(i)
    evs[i + 1].set()
ts = [threading.Thread(target=step, args=(i,)) for i in (2, 0, 1)]
for t in ts:
    t.start()
evs[0].set()
evs[3].wait()
for t in ts:
    t.join()
print('order:', order)

# set()/clear() ping between threads
flag = threading.Event()
ack = threading.Event()
seen = []
def responder():
    for _ in range(3):
        flag.wait()
        flag.clear()
        seen.append('got')
        ack.set()
t = threading.Thread(target=responder)
t.start()
for i in range(3):
    flag.set()
    ack.wait()
    ack.clear()
t.join()
print(seen, flag.is_set(), ack.is_set())
