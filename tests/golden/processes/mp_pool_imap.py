# Pool.imap yields results in order as they come in (a slow first task
# holds back the later ones, not the reverse); an exception in a task is
# raised at its place in the iteration and the rest still come;
# imap_unordered yields every result once.
import multiprocessing as mp
import time


def slow_first(x):
    if x == 0:
        time.sleep(0.1)
    return x * 10


def bad(x):
    if x == 2:
        raise ValueError('no %d' % x)
    return x


if __name__ == '__main__':
    with mp.Pool(3) as pool:
        print(list(pool.imap(slow_first, range(6))))
        print(sorted(pool.imap_unordered(slow_first, range(6))))
        print(list(pool.imap(slow_first, [])))
        it = pool.imap(bad, range(4))
        print(next(it), next(it))
        try:
            next(it)
        except ValueError as e:
            print('ValueError', e)
        print(next(it))
        try:
            next(it)
        except StopIteration:
            print('StopIteration')
        print([x for x in pool.imap(bad, [0, 1])])
