# Waits with a timeout always end, so they are never a deadlock, even when
# every thread is in one.
import queue
import threading

lock = threading.Lock()
lock.acquire()
print(lock.acquire(timeout=0.3))
q = queue.Queue()
try:
    q.get(timeout=0.3)
except queue.Empty:
    print('empty')
cond = threading.Condition()
with cond:
    print(cond.wait(timeout=0.3))
print(threading.Event().wait(0.3))
t = threading.Thread(target=lambda: threading.Event().wait(0.4))
t.start()
t.join()
print('done')
