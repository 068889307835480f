# At the end of the main script the interpreter waits for non-daemon
# threads (but not daemon ones): a worker released by the very last
# statement still gets to run and print.
import threading

last_statement = threading.Event()

def worker(n):
    last_statement.wait()
    total = sum(range(n))
    print('worker computed', total)

def chained():
    last_statement.wait()
    w.join()
    # a non-daemon thread started during shutdown by a non-daemon thread
    t = threading.Thread(target=lambda: print('grandchild ran'))
    t.start()
    t.join()
    print('chained done')

w = threading.Thread(target=worker, args=(1000,))
w.start()
threading.Thread(target=chained).start()
print('worker daemon:', w.daemon)
threading.Thread(target=threading.Event().wait, daemon=True).start()
print('main body finished')
last_statement.set()
