# Queue.task_done()/join() with worker threads: join() returns once every
# queued item has been processed; workers stopped with None sentinels;
# unfinished_tasks returns to 0; a queue reused for a second batch.
import queue
import threading

q = queue.Queue()
results = []
lock = threading.Lock()

def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with lock:
            results.append(item * item)
        q.task_done()

workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for item in range(50):
    q.put(item)
q.join()
print('after join:', len(results), sum(results), q.unfinished_tasks, q.empty())

# A second batch through the same queue and workers
for item in range(100, 110):
    q.put(item)
q.join()
print('second batch:', len(results), sorted(results)[-3:])

for _ in workers:
    q.put(None)
q.join()
for w in workers:
    w.join()
print('workers stopped:', [w.is_alive() for w in workers], q.unfinished_tasks)

# Daemon workers that are never stopped: join() still returns
jobs = queue.Queue()
done = []
def daemon_worker():
    while True:
        n = jobs.get()
        with lock:
            done.append(n)
        jobs.task_done()
for _ in range(2):
    threading.Thread(target=daemon_worker, daemon=True).start()
for n in range(20):
    jobs.put(n)
jobs.join()
print('daemon workers processed:', sorted(done) == list(range(20)))

# Several threads blocked in join() are all released
q2 = queue.Queue()
q2.put('x')
joined = []
def joiner(i):
    q2.join()
    with lock:
        joined.append(i)
js = [threading.Thread(target=joiner, args=(i,)) for i in range(3)]
for j in js:
    j.start()
print('joined before task_done:', joined)
q2.get()
q2.task_done()
for j in js:
    j.join()
print('joined after task_done:', sorted(joined))

# A pipeline: stage 1 squares, stage 2 sums, with join on both queues
stage1 = queue.Queue()
stage2 = queue.Queue()
total = [0]
def square_stage():
    while True:
        n = stage1.get()
        stage2.put(n * n)
        stage1.task_done()
def sum_stage():
    while True:
        n = stage2.get()
        with lock:
            total[0] += n
        stage2.task_done()
threading.Thread(target=square_stage, daemon=True).start()
threading.Thread(target=sum_stage, daemon=True).start()
for n in range(1, 101):
    stage1.put(n)
stage1.join()
stage2.join()
print('pipeline total:', total[0])
