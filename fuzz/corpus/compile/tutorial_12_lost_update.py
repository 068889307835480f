# The lost update: two threads add to one counter without a lock.
# `counter = counter + one()` is three steps (read, add, write back); when
# the other thread writes between this thread's read and its write, one
# increment is lost. With the GIL a thread is only switched out at a call or
# a loop's jump back, once the switch interval has passed — here the call to
# one() sits between the read and the write, so some updates are lost. With
# `--no-gil` both threads really run at once and many more vanish.
# Compare 10_lock_balance.pyl, where a lock makes every update whole.
import threading

N = 500_000
counter = 0


def one():
    return 1


def add():
    global counter
    for _ in range(N):
        counter = counter + one()


threads = [threading.Thread(target=add) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('expected %d, got %d: %d updates lost' % (2 * N, counter, 2 * N - counter))
