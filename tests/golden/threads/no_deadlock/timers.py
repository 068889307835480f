# The main thread waits on an event that timers set later, and joins them.
import threading

done = threading.Event()
fired = []
lock = threading.Lock()


def fire(k):
    with lock:
        fired.append(k)
        if len(fired) == 3:
            done.set()


timers = [threading.Timer(0.05 * (k + 1), fire, args=(k,)) for k in range(3)]
for t in timers:
    t.start()
done.wait()
for t in timers:
    t.join()
cancelled = threading.Timer(10, fire, args=(99,))
cancelled.start()
cancelled.cancel()
cancelled.join()
print(sorted(fired))
