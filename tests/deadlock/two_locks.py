# Two threads take each other's locks: the tutorial's deadlock.
import threading
import time

a = threading.Lock()
b = threading.Lock()


def left():
    with a:
        time.sleep(0.1)
        with b:
            print('left got both')


def right():
    with b:
        time.sleep(0.1)
        with a:
            print('right got both')


t1 = threading.Thread(target=left, name='Left')
t2 = threading.Thread(target=right, name='Right')
t1.start()
t2.start()
print('started', flush=True)
t1.join()
t2.join()
