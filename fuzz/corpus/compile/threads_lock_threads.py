# Lock between threads: a lock held by another thread makes non-blocking
# and timed acquires fail, a blocked acquire succeeds once the holder
# releases, a Lock may be released by a thread that did not acquire it, and
# two locks used for a strict ping-pong hand-off.
import threading

lock = threading.Lock()
held = threading.Event()
release_now = threading.Event()

def holder():
    lock.acquire()
    held.set()
    release_now.wait()
    lock.release()

t = threading.Thread(target=holder)
t.start()
held.wait()
print('locked by other thread:', lock.locked())
print('acquire(blocking=False):', lock.acquire(blocking=False))
print('acquire(timeout=0.01):', lock.acquire(timeout=0.01))
print('acquire(timeout=0):', lock.acquire(timeout=0))
release_now.set()
print('blocking acquire after the holder releases:', lock.acquire())
t.join()
lock.release()

# Released by a different thread than the one that acquired it
lock.acquire()
result = []
def releaser():
    lock.release()
    result.append(lock.locked())
t = threading.Thread(target=releaser)
t.start()
t.join()
print('released by another thread:', result, lock.locked())

# A thread blocked in acquire() is woken by a release from main
lock.acquire()
got = []
def waiter():
    got.append(lock.acquire(timeout=10))
    lock.release()
t = threading.Thread(target=waiter)
t.start()
lock.release()
t.join()
print('waiter acquired:', got)

# A lock used as a one-shot signal: the thread releases what main acquired
signal = threading.Lock()
signal.acquire()
payload = []
def produce():
    payload.append('data')
    signal.release()
threading.Thread(target=produce).start()
signal.acquire()
print('signalled with', payload)
signal.release()

# Ping-pong: strict alternation enforced by two locks
ping = threading.Lock()
pong = threading.Lock()
pong.acquire()
trace = []
def player(mine, other, tag, rounds):
    for i in range(rounds):
        mine.acquire()
        trace.append('%s%d' % (tag, i))
        other.release()
a = threading.Thread(target=player, args=(ping, pong, 'A', 5))
b = threading.Thread(target=player, args=(pong, ping, 'B', 5))
a.start()
b.start()
a.join()
b.join()
print(trace)

# Mutual exclusion: the critical section is never entered twice at once
inside = 0
overlap = False
crit = threading.Lock()
guard = threading.Lock()
def critical():
    global inside, overlap
    for _ in range(2000):
        with crit:
            with guard:
                inside += 1
                if inside > 1:
                    overlap = True
            with guard:
                inside -= 1
ts = [threading.Thread(target=critical) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('overlap seen:', overlap, 'inside now:', inside)
