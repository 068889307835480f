# An uncaught exception in the main thread: the traceback is printed, yet
# the interpreter still waits for the non-daemon worker to finish before
# exiting with status 1 (the worker's output comes last).
import threading
import time

results = []
def compute():
    results.append(sum(range(100)))
t = threading.Thread(target=compute)
t.start()
t.join()
print('joined worker result:', results)

def late():
    time.sleep(0.05)
    print('late worker finished after the main thread died')

print('starting the late worker, then failing')
threading.Thread(target=late).start()
raise ValueError('main thread failed')
