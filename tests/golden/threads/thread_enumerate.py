# active_count() and enumerate() while threads are blocked and after they
# finish; threads that are not started yet are not listed.
import threading

print(threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.enumerate() == [threading.main_thread()])

not_started = threading.Thread(target=lambda: None, name='not-started')
print(threading.active_count())

gate = threading.Event()
ready = threading.Semaphore(0)
def blocker():
    ready.release()
    gate.wait()
ts = [threading.Thread(target=blocker, name='blocker-%d' % i) for i in range(4)]
for t in ts:
    t.start()
for _ in ts:
    ready.acquire()
print(threading.active_count())
names = sorted(t.name for t in threading.enumerate())
print(names)
print(all(t in threading.enumerate() for t in ts), not_started in threading.enumerate())
print(type(threading.enumerate()).__name__)

# Inside a thread the list contains that thread and the main thread
inside = []
def look():
    inside.append((threading.current_thread() in threading.enumerate(),
                   threading.main_thread() in threading.enumerate(),
                   threading.active_count()))
t = threading.Thread(target=look, name='looker')
t.start()
t.join()
print(inside)

gate.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(t in threading.enumerate())

# active_count equals len(enumerate())
print(threading.active_count() == len(threading.enumerate()))
