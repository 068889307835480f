# A thread takes an RLock and ends without releasing it.
import threading

rlock = threading.RLock()


def forgetful():
    rlock.acquire()
    print('took it', flush=True)


t = threading.Thread(target=forgetful)
t.start()
t.join()
with rlock:
    print('never printed')
