# Processes forked while other threads keep starting and ending threads:
# each child starts threads of its own, which must not hang on a lock a
# thread of the parent held at the fork.
import multiprocessing as mp
import threading

stop = threading.Event()

def churn():
    n = 0
    while not stop.is_set():
        t = threading.Thread(target=lambda: None)
        t.start()
        t.join()
        n += 1

def child(q, i):
    box = []
    ts = [threading.Thread(target=box.append, args=(k,)) for k in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
    q.put((i, sorted(box)))

churners = [threading.Thread(target=churn) for _ in range(3)]
for t in churners: t.start()
q = mp.Queue()
procs = []
for i in range(30):
    p = mp.Process(target=child, args=(q, i))
    p.start()
    procs.append(p)
got = sorted(q.get(timeout=30) for _ in range(30))
for p in procs: p.join()
stop.set()
for t in churners: t.join()
print(len(got), got == [(i, [0, 1, 2]) for i in range(30)])
print(sorted(set(p.exitcode for p in procs)))
