# What the GIL does to CPU-bound threads: the same work done twice in a row,
# then in two threads at once. With the GIL (the default) only one thread
# runs Python code at a time, so two threads take as long as doing it twice
# in a row (speedup about 1.0). Run it again with `--no-gil`: the threads
# run on two cores and the speedup approaches the number of cores.
#
#     cargo run --release -- scripts/tutorial/11_gil_cpu_bound.pyl
#     cargo run --release -- --no-gil scripts/tutorial/11_gil_cpu_bound.pyl
import os
import sys
import threading
import time

N = 5_000_000


def countdown(n):
    while n > 0:
        n -= 1


gil = getattr(sys, '_is_gil_enabled', lambda: True)()
print('GIL %s, %d CPU cores' % ('enabled' if gil else 'disabled', os.cpu_count()))

start = time.perf_counter()
countdown(N)
countdown(N)
sequential = time.perf_counter() - start
print('one after the other: %.2f s' % sequential)

start = time.perf_counter()
threads = [threading.Thread(target=countdown, args=(N,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
parallel = time.perf_counter() - start
print('two threads at once: %.2f s' % parallel)
print('speedup: %.2f' % (sequential / parallel))
