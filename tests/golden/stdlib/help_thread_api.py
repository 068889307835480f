# help() and docstrings of the thread, queue and executor API: CPython's
# text, as help() prints it when stdout is not a terminal.
import concurrent.futures
import multiprocessing
import queue
import threading

help(threading.Thread)
help(threading.Event)
help(threading.Semaphore)
help(threading.BoundedSemaphore)
help(threading.Barrier)
help(threading.Timer)
help(threading.current_thread)
help(threading.Lock())
help(queue.Queue.put)
help(queue.LifoQueue.get)
help(concurrent.futures.ThreadPoolExecutor)
help(concurrent.futures.as_completed)
help(concurrent.futures.wait)
print(concurrent.futures.Future.result.__doc__)
print(multiprocessing.Process.start.__doc__)
print(multiprocessing.Process.join.__doc__)
print(multiprocessing.Process.is_alive.__doc__)
print(multiprocessing.Process.terminate.__doc__)
print(threading.Condition.wait.__doc__)
print(threading.Condition.__doc__)
