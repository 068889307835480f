# The public names of threading, queue and _thread: __all__ and star
# imports, deprecated camelCase aliases, stack_size(), gettrace/getprofile
# defaults, and _thread.exit() ending only the calling thread.
import threading
import queue
import _thread

print(sorted(threading.__all__))
print(sorted(queue.__all__))
ns = {}
exec('from threading import *', ns)
print(sorted(k for k in ns if k != '__builtins__') == sorted(threading.__all__))
ns = {}
exec('from queue import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))

for name in ['Thread', 'Lock', 'RLock', 'Condition', 'Semaphore', 'BoundedSemaphore',
             'Event', 'Timer', 'Barrier', 'local', 'current_thread', 'main_thread',
             'active_count', 'enumerate', 'get_ident', 'get_native_id', 'excepthook',
             'settrace', 'setprofile', 'stack_size', 'gettrace', 'getprofile']:
    print(name, callable(getattr(threading, name)))
print(isinstance(threading.Thread, type), isinstance(threading.Event, type),
      isinstance(threading.Condition, type), isinstance(threading.local, type))
for name in ['allocate_lock', 'start_new_thread', 'get_ident', 'get_native_id', 'exit', 'stack_size']:
    print('_thread', name, callable(getattr(_thread, name)))

# Deprecated aliases (the warnings go to stderr)
print(threading.currentThread() is threading.current_thread())
print(threading.activeCount() == threading.active_count())

print('stack_size:', threading.stack_size(), _thread.stack_size())
print('gettrace/getprofile:', threading.gettrace(), threading.getprofile())

# _thread.exit() / SystemExit end only the calling thread, silently
log = []
def leave_early():
    log.append('before exit')
    _thread.exit()
    log.append('never')
t = threading.Thread(target=leave_early)
t.start()
t.join()
print(log, t.is_alive())

# Lock types
print(type(threading.Lock()) is _thread.LockType, type(threading.RLock()) is _thread.RLock)
