# time.sleep() in one thread does not hold up the others: 8 threads each
# sleeping 0.2 s finish together far sooner than 8 * 0.2 s; a thread
# spinning on CPU does not stop a sleeping thread from waking up.
import threading
import time

start = time.monotonic()
woke = []
lock = threading.Lock()
def sleeper(i):
    time.sleep(0.2)
    with lock:
        woke.append(i)
ts = [threading.Thread(target=sleeper, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.monotonic() - start
print(sorted(woke))
print('slept in parallel:', elapsed < 1.2, 'at least the sleep:', elapsed >= 0.19)

# A busy thread and a sleeping thread
stop = threading.Event()
spins = [0]
def spinner():
    n = 0
    while not stop.is_set():
        n += 1
    spins[0] = n
s = threading.Thread(target=spinner)
s.start()
start = time.monotonic()
time.sleep(0.05)
stop.set()
s.join()
print('spinner ran:', spins[0] > 0, 'main woke up:', time.monotonic() - start < 5)

# time.sleep(0) just yields
t = threading.Thread(target=lambda: [time.sleep(0) for _ in range(100)])
t.start()
t.join()
print('sleep(0) ok')
