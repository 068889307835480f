# The lock-protected bank balance: two threads change the shared balance
# 100000 times each, always adding and then taking away the same amount.
# Holding the lock around each change keeps every update whole, so the
# balance ends at 0 — with the GIL and without it (`--no-gil`).
import threading

balance = 0
lock = threading.Lock()


def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n


def run_thread(n):
    for i in range(100000):
        lock.acquire()  # only one thread at a time gets past this line
        try:
            change_it(n)
        finally:
            lock.release()  # always give it back


t1 = threading.Thread(target=run_thread, args=(5,))
t2 = threading.Thread(target=run_thread, args=(8,))
t1.start()
t2.start()
t1.join()
t2.join()
print(balance)
