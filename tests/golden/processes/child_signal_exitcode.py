# A child killed by a signal reports minus the signal number.
import multiprocessing as mp
import os, signal

def die():
    os.kill(os.getpid(), signal.SIGSEGV)
    print('still alive after SIGSEGV')

def term():
    import time
    time.sleep(30)

p = mp.Process(target=die)
p.start(); p.join()
print(p.exitcode)
q = mp.Process(target=term)
q.start(); q.terminate(); q.join()
print(q.exitcode)
r = mp.Process(target=term)
r.start(); r.kill(); r.join()
print(r.exitcode)
