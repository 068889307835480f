# Deep recursion in a spawned thread (a smaller native stack than the main
# thread's) raises RecursionError, with the default limit and a high one.
import sys
import threading


def probe(results):
    def f(n):
        return f(n + 1)

    x = []
    y = []
    for i in range(100000):
        x = [x]
        y = [y]
    for name, fn in [("python", lambda: f(0)), ("repr", lambda: repr(x)), ("==", lambda: x == y)]:
        try:
            fn()
            results.append((name, "no error"))
        except RecursionError as e:
            results.append((name, str(e)))


for limit in (1000,):
    sys.setrecursionlimit(limit)
    results = []
    t = threading.Thread(target=probe, args=(results,))
    t.start()
    t.join()
    for r in results:
        print(limit, *r)
