# threading.Timer: calls the function after the interval with args and
# kwargs, cancel() before it fires prevents the call, cancel() after firing
# is harmless, it is a Thread subclass with the usual attributes.
import threading
import time

calls = []
lock = threading.Lock()
def record(*args, **kwargs):
    with lock:
        calls.append((args, sorted(kwargs.items()), threading.current_thread().name))

t = threading.Timer(0.01, record, args=(1, 2), kwargs={'k': 'v'})
print(isinstance(t, threading.Thread), issubclass(threading.Timer, threading.Thread))
print(t.name, t.interval, t.function is record, t.args, t.kwargs)
print('alive before start:', t.is_alive(), 'finished:', t.finished.is_set())
t.start()
t.join()
print(calls)
print('finished after run:', t.finished.is_set(), t.is_alive())
t.cancel()
print('cancel after firing is harmless')

# Defaults for args/kwargs, positional arguments
t2 = threading.Timer(0, record)
print(t2.args, t2.kwargs)
t3 = threading.Timer(0.0, record, [3], {'x': 4})
t2.start()
t2.join()
t3.start()
t3.join()
print(calls[1:])

# Cancelled before it fires: never called, and the thread ends promptly
calls.clear()
start = time.monotonic()
t = threading.Timer(30, record, args=('never',))
t.start()
t.cancel()
t.join()
print('cancelled:', calls, 'alive:', t.is_alive(), 'quick:', time.monotonic() - start < 10)
# cancel() before start(): the timer does nothing when started
t = threading.Timer(0.01, record, args=('also never',))
t.cancel()
t.start()
t.join()
print('cancelled before start:', calls)

# Several timers: all fire, results sorted
fired = []
ts = [threading.Timer(0.005 * (i % 3), lambda i=i: fired.append(i)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(fired))

# The call happens no earlier than the interval
stamp = []
begin = time.monotonic()
t = threading.Timer(0.05, lambda: stamp.append(time.monotonic() - begin))
t.start()
t.join()
print('waited at least the interval:', stamp[0] >= 0.04)

# A Timer's daemon flag and name can be set like any thread's
t = threading.Timer(0, record, args=('named',))
t.name = 'my-timer'
t.daemon = True
t.start()
t.join()
print(calls[-1])
