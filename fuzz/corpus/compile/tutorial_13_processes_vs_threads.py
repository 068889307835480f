# Processes have their own interpreter and their own GIL, so CPU-bound work
# split over two processes uses two cores even with the GIL on — while two
# threads of one process take turns on its single GIL. Run it both ways:
#
#     cargo run --release -- scripts/tutorial/13_processes_vs_threads.pyl
#     cargo run --release -- --no-gil scripts/tutorial/13_processes_vs_threads.pyl
#
# With the GIL: processes about 2x faster than sequential, threads about 1x.
# Without it: both about 2x (on 2 cores).
import multiprocessing
import os
import sys
import threading
import time

N = 5_000_000


def countdown(n):
    while n > 0:
        n -= 1


def timed(start_all):
    start = time.perf_counter()
    start_all()
    return time.perf_counter() - start


def sequential():
    countdown(N)
    countdown(N)


def in_two(kind):
    def run():
        workers = [kind(target=countdown, args=(N,)) for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    return run


if __name__ == '__main__':
    gil = getattr(sys, '_is_gil_enabled', lambda: True)()
    print('GIL %s, %d CPU cores' % ('enabled' if gil else 'disabled', os.cpu_count()))
    seq = timed(sequential)
    thr = timed(in_two(threading.Thread))
    proc = timed(in_two(multiprocessing.Process))
    print('one after the other: %.2f s' % seq)
    print('two threads:         %.2f s  (speedup %.2f)' % (thr, seq / thr))
    print('two processes:       %.2f s  (speedup %.2f)' % (proc, seq / proc))
