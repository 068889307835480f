# The main thread reaches the end while two workers are deadlocked: the
# interpreter's wait for them at exit is part of the report.
import threading
import time

a = threading.Lock()
b = threading.Lock()


def one():
    with a:
        time.sleep(0.1)
        b.acquire()


def two():
    with b:
        time.sleep(0.1)
        a.acquire()


threading.Thread(target=one, name='One').start()
threading.Thread(target=two, name='Two').start()
print('main done', flush=True)
