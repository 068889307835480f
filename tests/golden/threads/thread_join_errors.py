# Errors of start()/join(): starting twice, joining before start, joining
# the current thread (main and worker), join(timeout) on a thread that is
# still blocked, is_alive() at each stage.
import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    t.join(0.01)
except RuntimeError as e:
    print('RuntimeError', e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print('RuntimeError', e)
t.join()
try:
    t.start()
except RuntimeError as e:
    print('RuntimeError', e)
# joining a finished thread again is fine
t.join()
t.join(0)
print('joined twice')

try:
    threading.current_thread().join()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    threading.main_thread().join(1)
except RuntimeError as e:
    print('RuntimeError', e)

errors = []
def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(str(e))
t = threading.Thread(target=join_self)
t.start()
t.join()
print(errors)

# join with a timeout while the thread is blocked returns None, thread alive
release = threading.Event()
t = threading.Thread(target=release.wait)
t.start()
print('join(0.02) ->', t.join(0.02), 'alive:', t.is_alive())
print('join(0) ->', t.join(0), 'alive:', t.is_alive())
print('join(timeout=-1) ->', t.join(timeout=-1), 'alive:', t.is_alive())
release.set()
t.join()
print('after release alive:', t.is_alive())

# A worker joining another worker
order = []
lock = threading.Lock()
gate = threading.Event()
def first():
    gate.wait()
    with lock:
        order.append('first done')
def second(other):
    gate.set()
    other.join()
    with lock:
        order.append('second saw first finished: %s' % (not other.is_alive()))
a = threading.Thread(target=first)
b = threading.Thread(target=second, args=(a,))
a.start()
b.start()
b.join()
a.join()
print(order)
