# A consumer waits on a condition that no one will notify.
import threading

cond = threading.Condition()
items = []


def consumer():
    with cond:
        while not items:
            cond.wait()
        print('got', items.pop())


t = threading.Thread(target=consumer, name='Consumer')
t.start()
t.join()
