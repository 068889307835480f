# ProcessPoolExecutor: calls run in forked worker processes.
import os
from concurrent.futures import ProcessPoolExecutor, as_completed, wait
import concurrent.futures


def square(x):
    return x * x


def whose(x):
    return os.getpid() != PARENT


def fail(msg):
    raise ValueError(msg)


def init(tag):
    global TAG
    TAG = tag


def tagged(x):
    return "%s-%d" % (TAG, x)


PARENT = os.getpid()

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(ex.submit(square, 12).result())
        print(list(ex.map(square, range(10))))
        print(list(ex.map(square, range(10), chunksize=3)))
        print(all(ex.map(whose, range(4))))
        f = ex.submit(fail, "in a worker")
        try:
            f.result()
        except ValueError as e:
            print("re-raised:", e)
        print(type(f.exception()).__name__)
        fs = [ex.submit(pow, 2, i) for i in range(6)]
        print(sorted(f.result() for f in as_completed(fs)))
        done, not_done = wait(fs)
        print(len(done), len(not_done))
    with ProcessPoolExecutor(max_workers=1, initializer=init, initargs=("t",)) as ex:
        print(list(ex.map(tagged, [1, 2])))
    ex = ProcessPoolExecutor(max_workers=1)
    print(ex.submit(square, 5).result())
    ex.shutdown()
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print(e)
    try:
        ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print(e)
    try:
        list(ProcessPoolExecutor(1).map(square, [1], chunksize=0))
    except ValueError as e:
        print(e)
