# The main thread holds a lock and joins a thread that waits for that lock.
import threading

lock = threading.Lock()


def worker():
    with lock:
        print('worker ran')


lock.acquire()
t = threading.Thread(target=worker, name='Worker')
t.start()
print('joining', flush=True)
t.join()
