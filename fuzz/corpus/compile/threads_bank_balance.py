# The tutorial's bank balance: two threads repeatedly add and subtract the
# same amount under a lock, so the final balance is exactly 0; the same
# with try/finally around acquire/release and with several accounts.
import threading

balance = 0
lock = threading.Lock()

def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n

def run_thread(n):
    for i in range(100000):
        lock.acquire()
        try:
            change_it(n)
        finally:
            lock.release()

t1 = threading.Thread(target=run_thread, args=(5,))
t2 = threading.Thread(target=run_thread, args=(8,))
t1.start()
t2.start()
t1.join()
t2.join()
print(balance)

# With the context-manager form
def run_with(n):
    for i in range(20000):
        with lock:
            change_it(n)
ts = [threading.Thread(target=run_with, args=(n,)) for n in (1, 2, 3, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(balance)

# Transfers between accounts, each guarded by one global lock: the total is
# conserved and every account ends where the transfers put it
accounts = [1000] * 4
bank = threading.Lock()
def transfers(src, dst, amount, times):
    for _ in range(times):
        with bank:
            accounts[src] -= amount
            accounts[dst] += amount
ts = [threading.Thread(target=transfers, args=(i, (i + 1) % 4, i + 1, 1000)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(accounts), accounts)
