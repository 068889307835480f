# An exception escaping a thread's run() is reported on stderr
# ("Exception in thread NAME:" and a traceback); the thread ends, join()
# does not raise, the main thread goes on and the exit status stays 0.
import threading

def boom(msg):
    raise ValueError(msg)

t = threading.Thread(target=boom, args=('first failure',), name='failing')
t.start()
t.join()
print('main continues, alive:', t.is_alive())

# Several failing threads, and healthy threads alongside them
done = []
lock = threading.Lock()
def ok(i):
    with lock:
        done.append(i)
def bad(i):
    if i % 2:
        raise KeyError(i)
    ok(i)
ts = [threading.Thread(target=bad, args=(i,)) for i in range(6)]
ts += [threading.Thread(target=ok, args=(i,)) for i in range(10, 13)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(done))

# SystemExit in a thread ends only that thread, silently
def leave():
    raise SystemExit(5)
t = threading.Thread(target=leave)
t.start()
t.join()
print('SystemExit in a thread did not stop the program')

# An exception after partial work: the work done is kept
state = []
def partial():
    state.append('step 1')
    state.append('step 2')
    [][1]
    state.append('never')
t = threading.Thread(target=partial)
t.start()
t.join()
print(state)
print('end')
