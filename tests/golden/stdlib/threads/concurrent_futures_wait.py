# wait() return conditions, as_completed, callbacks and cancellation,
# made deterministic with Events (no timing).
import threading
from concurrent.futures import (ThreadPoolExecutor, wait, as_completed,
                                FIRST_COMPLETED, FIRST_EXCEPTION,
                                ALL_COMPLETED, Future, TimeoutError)

gate = threading.Event()


def blocked(x):
    gate.wait()
    return x


def boom():
    raise KeyError("k")


with ThreadPoolExecutor(max_workers=3) as ex:
    slow = ex.submit(blocked, "slow")
    quick = ex.submit(lambda: "quick")
    done, not_done = wait([slow, quick], return_when=FIRST_COMPLETED)
    print(sorted(f.result() for f in done), len(not_done), not_done == {slow})
    bad = ex.submit(boom)
    done, not_done = wait([slow, bad], return_when=FIRST_EXCEPTION)
    print([type(f.exception()).__name__ for f in done], slow in not_done)
    done, not_done = wait([slow], timeout=0)
    print(len(done), len(not_done))
    try:
        for f in as_completed([slow], timeout=0.01):
            print("unexpected", f)
    except TimeoutError as e:
        print("as_completed:", e)
    gate.set()
    done, not_done = wait([slow, quick, bad], return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    r = wait([slow, quick])
    print(type(r).__name__, len(r.done), len(r.not_done))

try:
    wait([Future()], return_when="SOMETIMES")
except ValueError as e:
    print(e)

# as_completed yields futures already done first, then the rest as they end.
fs = [Future() for _ in range(3)]
fs[1].set_result("b")
it = as_completed(fs)
print(next(it).result())
fs[2].set_result("c")
print(next(it).result())
fs[0].set_exception(OSError("o"))
print(type(next(it).exception()).__name__)
print(next(it, "end"))

# Callbacks: run on completion, or at once if already done.
log = []
f = Future()
f.add_done_callback(lambda fut: log.append(("first", fut.result())))
f.add_done_callback(lambda fut: log.append(("second", fut.result())))
f.set_result(5)
f.add_done_callback(lambda fut: log.append(("late", fut.result())))
print(log)
c = Future()
c.add_done_callback(lambda fut: log.append(("cancelled", fut.cancelled())))
c.cancel()
print(log[-1])

# shutdown(cancel_futures=True) cancels the work not yet started.
gate2 = threading.Event()
started = threading.Event()


def first():
    started.set()
    gate2.wait()
    return "first"


ex = ThreadPoolExecutor(max_workers=1)
a = ex.submit(first)
started.wait()
rest = [ex.submit(str, i) for i in range(4)]
print(a.running(), a.cancel(), rest[0].running())
print(rest[3].cancel(), rest[3].cancelled())
ex.shutdown(wait=False, cancel_futures=True)
gate2.set()
print(a.result(), [f.cancelled() for f in rest])
ex.shutdown()
