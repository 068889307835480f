# threading.excepthook replaced by a custom function: it receives
# exc_type, exc_value, exc_traceback and thread for every exception that
# escapes run(), including SystemExit; __excepthook__ keeps the original.
import threading

print(threading.excepthook is threading.__excepthook__)
original = threading.excepthook

calls = []
lock = threading.Lock()
def hook(args):
    with lock:
        calls.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))
    print('hook:', args.exc_type.__name__, args.exc_value, args.thread.name)
    print('  traceback present:', args.exc_traceback is not None,
          'value matches type:', type(args.exc_value) is args.exc_type)
    print('  hook runs in the failing thread:', threading.current_thread() is args.thread)

threading.excepthook = hook

def fail(exc):
    raise exc

for name, exc in [('t-value', ValueError('bad value')), ('t-key', KeyError('k')),
                  ('t-exit', SystemExit(3)), ('t-custom', RuntimeError('custom'))]:
    t = threading.Thread(target=fail, args=(exc,), name=name)
    t.start()
    t.join()

class MyError(Exception):
    def __str__(self):
        return 'my error text'
t = threading.Thread(target=fail, args=(MyError(),), name='t-mine')
t.start()
t.join()

# Several threads failing concurrently: every failure reaches the hook once
threading.excepthook = lambda args: calls.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))
calls.clear()
ts = [threading.Thread(target=fail, args=(IndexError(i),), name='c%d' % i) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(calls))

# The hook may be a method of an object
class Collector:
    def __init__(self):
        self.seen = []
    def __call__(self, args):
        self.seen.append(args.exc_type.__name__)
col = Collector()
threading.excepthook = col
t = threading.Thread(target=fail, args=(TypeError('t'),))
t.start()
t.join()
print(col.seen)

threading.excepthook = original
print(threading.excepthook is threading.__excepthook__)
print('done')
