# Pool: results in order, workers are other processes reused across tasks,
# an exception in a worker is raised again by get(), callbacks run, the
# context manager terminates.
import multiprocessing as mp
import os


def square(x):
    return x * x


def add(a, b):
    return a + b


def whoami(_):
    return os.getpid()


def fail(x):
    if x == 3:
        raise ZeroDivisionError('task %d failed' % x)
    return x


def init(tag):
    global TAG
    TAG = tag


def tagged(x):
    return '%s-%d' % (TAG, x)


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.starmap(add, [(1, 2), (3, 4), ('a', 'b')]))
        print(pool.apply(add, (5, 6)), pool.apply(add, kwds={'a': 1, 'b': 2}))
        print(list(pool.imap(square, [3, 4])), sorted(pool.imap_unordered(square, [5, 6])))
        pids = set(pool.map(whoami, range(20)))
        print(len(pids) <= 2, os.getpid() not in pids)
        r = pool.apply_async(fail, (3,))
        try:
            r.get()
        except ZeroDivisionError as e:
            print('ZeroDivisionError', e, r.ready(), r.successful())
        try:
            pool.map(fail, range(5))
        except ZeroDivisionError as e:
            print('map raised', e)
        seen = []
        r = pool.apply_async(square, (7,), callback=seen.append)
        r.wait()
        print(r.get(), r.ready(), r.successful(), seen)
        errors = []
        r = pool.apply_async(fail, (3,), error_callback=lambda e: errors.append(str(e)))
        r.wait()
        print(errors)
        print(pool.map(square, []))

    pool = mp.Pool(processes=2, initializer=init, initargs=('w',))
    results = [pool.apply_async(tagged, (i,)) for i in range(4)]
    pool.close()
    pool.join()
    print([r.get() for r in results])
    try:
        pool.apply_async(square, (1,))
    except ValueError as e:
        print('ValueError', e)
    try:
        mp.Pool(0)
    except ValueError as e:
        print('ValueError', e)
