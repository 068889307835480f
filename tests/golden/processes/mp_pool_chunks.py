# Pool: chunksize batches tasks without changing results (map, starmap,
# imap, imap_unordered), a failure in a chunk fails the map, and
# maxtasksperchild retires workers and starts fresh ones.
import multiprocessing as mp
import os


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail_on(x):
    if x == 13:
        raise KeyError(x)
    return x


def pid_of(_):
    return os.getpid()


if __name__ == '__main__':
    with mp.Pool(3) as pool:
        for size in (None, 1, 2, 7, 100):
            print(size, pool.map(square, range(23), chunksize=size) == [x * x for x in range(23)])
        print(pool.starmap(add, [(i, i) for i in range(10)], chunksize=3))
        print(list(pool.imap(square, range(10), chunksize=4)))
        print(sorted(pool.imap_unordered(square, range(10), chunksize=3)))
        try:
            pool.map(fail_on, range(30), chunksize=5)
        except KeyError as e:
            print('KeyError', e)
        it = pool.imap(fail_on, range(20), chunksize=4)
        got = []
        try:
            for x in it:
                got.append(x)
        except KeyError as e:
            print('imap KeyError', e, got)
        r = pool.map_async(square, range(9), chunksize=2)
        print(r.get(timeout=30))
        try:
            list(pool.imap(square, [1], chunksize=0))
        except ValueError as e:
            print('ValueError', e)

    pool = mp.Pool(2, maxtasksperchild=2)
    pids = pool.map(pid_of, range(12), chunksize=1)
    results = [pool.apply_async(square, (i,)) for i in range(6)]
    pool.close()
    pool.join()
    print(len(set(pids)) >= 6, [r.get() for r in results])
    for bad in (0, -1, 1.5):
        try:
            mp.Pool(1, maxtasksperchild=bad)
        except ValueError as e:
            print('ValueError', e)
