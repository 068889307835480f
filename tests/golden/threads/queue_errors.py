# queue.Full and queue.Empty from put_nowait/get_nowait, non-blocking and
# timed put/get, argument errors, task_done() called too many times, and
# what the exceptions look like.
import queue
import time

q = queue.Queue(maxsize=2)
q.put(1)
q.put(2)
for name, f in [('put_nowait', lambda: q.put_nowait(3)),
                ('put block=False', lambda: q.put(3, block=False)),
                ('put timeout=0.01', lambda: q.put(3, timeout=0.01)),
                ('put False, 5', lambda: q.put(3, False, 5))]:
    try:
        f()
        print(name, 'no error')
    except queue.Full as e:
        print(name, type(e).__name__, repr(str(e)))
print('contents kept:', q.qsize(), q.get(), q.get())
for name, f in [('get_nowait', q.get_nowait), ('get block=False', lambda: q.get(block=False)),
                ('get timeout=0.01', lambda: q.get(timeout=0.01)),
                ('get timeout=0', lambda: q.get(timeout=0))]:
    try:
        f()
        print(name, 'no error')
    except queue.Empty as e:
        print(name, type(e).__name__, repr(str(e)), e.args)

print(repr(queue.Empty()), repr(queue.Full()), str(queue.Empty()) == '')
try:
    raise queue.Empty('custom')
except queue.Empty as e:
    print('custom message:', e)

# A timed get really waits about the timeout
start = time.monotonic()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print('waited at least the timeout:', time.monotonic() - start >= 0.04)

# Negative timeouts
for f in [lambda: q.get(timeout=-1), lambda: q.put(1, timeout=-0.5)]:
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
# A negative timeout with block=False is ignored
try:
    q.get(False, -1)
except queue.Empty:
    print('get(False, -1) -> Empty')

# task_done accounting
q = queue.Queue()
try:
    q.task_done()
except ValueError as e:
    print('ValueError', e)
q.put('a')
q.put('b')
print('unfinished:', q.unfinished_tasks)
q.get()
q.task_done()
print('unfinished:', q.unfinished_tasks)
q.get()
q.task_done()
q.join()
print('joined, unfinished:', q.unfinished_tasks)
try:
    q.task_done()
except ValueError as e:
    print('ValueError', e)
# task_done may be called before get (it only counts puts)
q.put('c')
q.task_done()
q.join()
print('join returned with an item still queued:', q.qsize())

# SimpleQueue raises Empty too, and has no task_done/join/full
sq = queue.SimpleQueue()
for f in [sq.get_nowait, lambda: sq.get(timeout=0.01), lambda: sq.get(False)]:
    try:
        f()
    except queue.Empty as e:
        print('SimpleQueue', type(e).__name__)
try:
    sq.get(timeout=-1)
except ValueError as e:
    print('ValueError', e)
print(hasattr(sq, 'task_done'), hasattr(sq, 'join'), hasattr(sq, 'full'), hasattr(sq, 'maxsize'))

# LifoQueue/PriorityQueue raise the same exceptions
for cls in (queue.LifoQueue, queue.PriorityQueue):
    q = cls(1)
    q.put(1)
    try:
        q.put_nowait(2)
    except queue.Full:
        print(cls.__name__, 'Full')
    q.get()
    try:
        q.get_nowait()
    except queue.Empty:
        print(cls.__name__, 'Empty')
