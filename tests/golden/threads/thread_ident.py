# ident / native_id before and after start, get_ident / get_native_id
# agreement with Thread.ident / native_id, main_thread(), TIMEOUT_MAX.
import threading
import _thread

main = threading.main_thread()
print(main is threading.current_thread())
print(isinstance(main, threading.Thread))
print(type(threading.get_ident()).__name__, type(threading.get_native_id()).__name__)
print(threading.get_ident() == main.ident == _thread.get_ident())
print(threading.get_native_id() == main.native_id)
print(main.is_alive())

seen = {}
go = threading.Event()
def work(key):
    me = threading.current_thread()
    seen[key] = (threading.get_ident(), threading.get_native_id(), me.ident, me.native_id,
                 me is threading.main_thread(), threading.main_thread() is main)
    go.wait()

t = threading.Thread(target=work, args=('a',))
print('before start:', t.ident, t.native_id)
t.start()
t2 = threading.Thread(target=work, args=('b',))
t2.start()
print('after start:', type(t.ident).__name__, type(t.native_id).__name__)
# Both threads are alive at the same time, so their ids differ
print('distinct idents:', t.ident != t2.ident, t.ident != main.ident)
print('distinct native ids:', t.native_id != t2.native_id, t.native_id != main.native_id)
go.set()
t.join()
t2.join()
ga, gna, ia, nia, is_main, same_main = seen['a']
print('get_ident == ident:', ga == ia == t.ident)
print('get_native_id == native_id:', gna == nia == t.native_id)
print('in thread is main:', is_main, same_main)
print('after join still int:', type(t.ident).__name__, t.ident == ia)
print(seen['b'][0] == t2.ident)

# TIMEOUT_MAX
print(type(threading.TIMEOUT_MAX).__name__, threading.TIMEOUT_MAX > 0)
print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX)
print(threading.TIMEOUT_MAX > 3600 * 24 * 365)

# current_thread() always returns the same object within a thread
print(threading.current_thread() is threading.current_thread())
same = []
def check_same():
    same.append(threading.current_thread() is threading.current_thread())
t = threading.Thread(target=check_same)
t.start()
t.join()
print(same)

# The Thread object is what current_thread returns inside it
box = []
t = threading.Thread(target=lambda: box.append(threading.current_thread()))
t.start()
t.join()
print(box[0] is t)
