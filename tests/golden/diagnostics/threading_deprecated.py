# The camelCase threading names CPython 3.11 deprecates: each warns once per
# calling line, attributed to the caller (shown because it is __main__).
import threading

t = threading.current_thread()
print(t.getName())
t.setName("Main")
print(t.name, t.isDaemon())
print(threading.currentThread().name, threading.activeCount())


def worker():
    pass


w = threading.Thread(target=worker)
w.setDaemon(True)
print(w.daemon)
w.start()
w.join()

e = threading.Event()
print(e.isSet())
e.set()
print(e.isSet())

c = threading.Condition()
with c:
    c.notifyAll()


def name_of(thread):
    return thread.getName()


# One warning for the line in name_of, however often it runs.
for _ in range(3):
    print(name_of(t))
