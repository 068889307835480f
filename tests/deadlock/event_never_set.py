# Waiting for an event that no thread will set.
import threading

ready = threading.Event()


def worker():
    ready.wait()
    print('never printed')


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
print('waiting', flush=True)
for t in threads:
    t.join()
