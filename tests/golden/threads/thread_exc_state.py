# Per-thread interpreter state: the exception being handled (sys.exc_info)
# is per thread, try/except/finally inside threads, a generator created in
# one thread and resumed in another, and recursion inside threads.
import sys
import threading

def run(f, *args):
    t = threading.Thread(target=f, args=args)
    t.start()
    t.join()

seen = []
def look():
    seen.append(sys.exc_info())
try:
    raise KeyError('in main')
except KeyError:
    run(look)
    print('thread sees no exception:', seen == [(None, None, None)])
    print('main still handling:', sys.exc_info()[0].__name__)

# An exception handled in a thread does not leak into main
hold = threading.Event()
inside = threading.Event()
def handling():
    try:
        raise ValueError('in thread')
    except ValueError:
        inside.set()
        hold.wait()
t = threading.Thread(target=handling)
t.start()
inside.wait()
print('main during thread handler:', sys.exc_info())
hold.set()
t.join()

# try/except/finally and nested handlers inside threads
log = []
lock = threading.Lock()
def careful(i):
    try:
        try:
            if i % 2:
                raise ValueError(i)
            r = 'ok %d' % i
        except ValueError as e:
            r = 'caught %s' % e
            try:
                raise TypeError('nested') from e
            except TypeError as e2:
                r += ' / %s from %s' % (e2, e2.__cause__)
        finally:
            r += ' / finally'
    finally:
        with lock:
            log.append(r)
ts = [threading.Thread(target=careful, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for line in sorted(log):
    print(line)

# A generator started in main and continued in another thread
def gen():
    who = yield 'start'
    while True:
        who = yield 'hello ' + who
g = gen()
print(next(g))
out = []
run(lambda: out.append(g.send(threading.current_thread().name)))
out.append(g.send('main'))
print(out)
g.close()

# Recursion in several threads at once
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
res = []
ts = [threading.Thread(target=lambda n=n: res.append((n, fact(n) % 1000003))) for n in (50, 100, 150, 200)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(res))

# A RecursionError in a thread is caught there and the thread carries on
deep = []
def too_deep(n):
    return too_deep(n + 1)
def recursing():
    try:
        too_deep(0)
    except RecursionError:
        deep.append('RecursionError caught')
    deep.append(fact(10))
run(recursing)
print(deep)

# with-statement cleanup runs in the thread even when an exception escapes
class Res:
    def __enter__(self):
        log.append('enter')
        return self
    def __exit__(self, *exc):
        log.append('exit %s' % (exc[0].__name__ if exc[0] else None))
        return True
log.clear()
def use_res():
    with Res():
        raise OSError('swallowed')
run(use_res)
print(log)
