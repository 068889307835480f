# ThreadPoolExecutor: submit, map, results, exceptions, context manager.
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import threading


def square(x):
    return x * x


def fail(x):
    raise ValueError("bad %d" % x)


with ThreadPoolExecutor(max_workers=4) as ex:
    f = ex.submit(square, 7)
    print(f.result())
    print(f.done(), f.running(), f.cancelled(), f.exception())
    print(list(ex.map(square, range(10))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    g = ex.submit(fail, 3)
    try:
        g.result()
    except ValueError as e:
        print("result raised", type(e).__name__, e)
    print(type(g.exception()).__name__, g.exception())
    fs = [ex.submit(square, i) for i in range(8)]
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs)
    print(len(done), len(not_done))
    print(sorted(f.result() for f in done))

# Keyword arguments reach the function.
with ThreadPoolExecutor() as ex:
    print(ex.submit(sorted, [3, 1, 2], reverse=True).result())
    print(ex.submit(lambda a, b=0: a + b, 1, b=2).result())

# A future's repr and state.
fut = concurrent.futures.Future()
print(fut.done(), fut.running(), fut.cancelled())
print(fut.cancel(), fut.cancelled(), fut.done())
try:
    fut.result()
except concurrent.futures.CancelledError as e:
    print("CancelledError", repr(e))

fut = concurrent.futures.Future()
print(fut.set_running_or_notify_cancel(), fut.running(), fut.cancel())
fut.set_result(42)
print(fut.result(), fut.done())
try:
    fut.set_result(1)
except concurrent.futures.InvalidStateError as e:
    print("InvalidStateError", str(e).split(":")[0])

# Timeout: a future nobody completes.
fut = concurrent.futures.Future()
try:
    fut.result(timeout=0.01)
except concurrent.futures.TimeoutError as e:
    print("timed out", type(e).__name__, TimeoutError is concurrent.futures.TimeoutError)
try:
    fut.exception(timeout=0)
except TimeoutError:
    print("exception() timed out too")

# map re-raises the first failing call's exception when it is reached.
with ThreadPoolExecutor(2) as ex:
    it = ex.map(lambda x: 10 // x, [5, 2, 0, 1])
    try:
        for r in it:
            print("map", r)
    except ZeroDivisionError as e:
        print("map raised", e)

# shutdown: no new work afterwards.
ex = ThreadPoolExecutor(max_workers=1)
print(ex.submit(square, 3).result())
ex.shutdown()
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print(e)
ex.shutdown()  # twice is fine

# Thread names of the workers.
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="w") as ex:
    print(ex.submit(lambda: threading.current_thread().name).result())

try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print(e)
try:
    ThreadPoolExecutor(initializer=3)
except TypeError as e:
    print(e)
