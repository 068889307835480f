# The main thread waits for a lock that a sleeping thread holds: the
# sleeper will wake up and release it, so this is no deadlock.
import threading
import time

lock = threading.Lock()
started = threading.Event()


def sleeper():
    with lock:
        started.set()
        time.sleep(0.6)


t = threading.Thread(target=sleeper)
t.start()
started.wait()
with lock:
    print('got the lock after the sleeper woke')
t.join()
