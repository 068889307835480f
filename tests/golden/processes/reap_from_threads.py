# Four threads each start and join processes at once: every child is
# reaped by its own handle (no ChildProcessError), in both modes.
import multiprocessing as mp
import threading

def work(n):
    return None

results = []
lock = threading.Lock()

def starter(k):
    for i in range(5):
        p = mp.Process(target=work, args=(i,))
        p.start()
        p.join()
        with lock:
            results.append(p.exitcode)

ts = [threading.Thread(target=starter, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(results), results.count(0))
