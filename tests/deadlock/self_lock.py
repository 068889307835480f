# A Lock is not re-entrant: taking it twice in one thread waits forever.
import threading

lock = threading.Lock()


def twice():
    with lock:
        with lock:
            print('never printed')


print('calling', flush=True)
twice()
