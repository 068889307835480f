# The daemon flag: default from the creating thread, explicit values,
# the error when changing it on a started thread, isDaemon/setDaemon, and a
# daemon thread still blocked at exit does not keep the program alive.
import threading

print('main daemon:', threading.current_thread().daemon, threading.main_thread().daemon)
t = threading.Thread(target=lambda: None)
print('default:', t.daemon)
t = threading.Thread(target=lambda: None, daemon=True)
print('explicit True:', t.daemon)
t = threading.Thread(target=lambda: None, daemon=False)
print('explicit False:', t.daemon)
t = threading.Thread(target=lambda: None, daemon=None)
print('None inherits:', t.daemon)
t.daemon = True
print('set before start:', t.daemon)
t.daemon = 0
print('falsy value:', t.daemon, type(t.daemon).__name__)
t.daemon = 'yes'
print('truthy value:', t.daemon, type(t.daemon).__name__)

# Inheritance: threads created by a daemon thread are daemons by default
found = {}
def child():
    pass
def creator(key):
    c = threading.Thread(target=child)
    c2 = threading.Thread(target=child, daemon=False)
    found[key] = (threading.current_thread().daemon, c.daemon, c2.daemon)
    c.start()
    c2.start()
    c.join()
    c2.join()
for flag in (True, False):
    t = threading.Thread(target=creator, args=(flag,), daemon=flag)
    t.start()
    t.join()
print(sorted(found.items()))

# The flag cannot change once the thread is running (or finished)
ev = threading.Event()
t = threading.Thread(target=ev.wait)
t.start()
try:
    t.daemon = True
except RuntimeError as e:
    print('RuntimeError', e)
ev.set()
t.join()
try:
    t.daemon = True
except RuntimeError as e:
    print('RuntimeError', e)
print(t.daemon)

# Deprecated spellings (warnings go to stderr)
t = threading.Thread(target=lambda: None)
print(t.isDaemon())
t.setDaemon(True)
print(t.isDaemon(), t.daemon)

# A daemon thread blocked forever does not prevent the program from ending
forever = threading.Event()
started = threading.Event()
def blocked():
    started.set()
    forever.wait()
    print('never printed')
d = threading.Thread(target=blocked, daemon=True)
d.start()
started.wait()
print('daemon alive:', d.is_alive())
print('main ends')
