# Four threads each start ten processes that put into one Queue.
import multiprocessing as mp
import threading

def put(q, k, i):
    q.put((k, i))

q = mp.Queue()
procs = []
plock = threading.Lock()

def starter(k):
    for i in range(10):
        p = mp.Process(target=put, args=(q, k, i))
        p.start()
        with plock:
            procs.append(p)

ts = [threading.Thread(target=starter, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
got = sorted(q.get(timeout=30) for _ in range(40))
for p in procs: p.join()
print(len(got), got == sorted((k, i) for k in range(4) for i in range(10)))
print(sorted(set(p.exitcode for p in procs)))
