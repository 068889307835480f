# signal: Python handlers run in the main thread between statements, also
# while it waits; a handler may raise; SIGTERM from a parent ends a child
# with -15 unless the child handles it; getsignal and argument errors.
import multiprocessing as mp
import os
import signal
import time

got = []


def handler(signum, frame):
    got.append(signum)


def stubborn(q):
    signal.signal(signal.SIGTERM, lambda s, f: q.put('child got SIGTERM'))
    q.put('ready')
    time.sleep(0.5)
    q.put('child done')


def sleeper():
    time.sleep(5)


if __name__ == '__main__':
    print(signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
    print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    previous = signal.signal(signal.SIGUSR1, handler)
    print(previous == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.01)
    print('handled', got)
    signal.raise_signal(signal.SIGUSR1)
    print('raise_signal', got)

    def raiser(signum, frame):
        raise RuntimeError('from handler %d' % signum)

    signal.signal(signal.SIGUSR2, raiser)
    try:
        os.kill(os.getpid(), signal.SIGUSR2)
        time.sleep(1)
        print('not reached')
    except RuntimeError as e:
        print('RuntimeError', e)

    signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    os.kill(os.getpid(), signal.SIGUSR1)
    print('ignored', got)

    try:
        signal.signal(signal.SIGINT, 42)
    except TypeError as e:
        print('TypeError', e)
    try:
        signal.signal(signal.SIGKILL, handler)
    except OSError as e:
        print('OSError', e)
    try:
        signal.getsignal(99)
    except ValueError as e:
        print('ValueError', e)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)
    except KeyboardInterrupt:
        print('KeyboardInterrupt from SIGINT')

    p = mp.Process(target=sleeper)
    p.start()
    time.sleep(0.1)
    p.terminate()
    p.join()
    print('terminated child', p.exitcode)

    q = mp.Queue()
    p = mp.Process(target=stubborn, args=(q,))
    p.start()
    print(q.get())
    p.terminate()
    print(q.get(timeout=5))
    print(q.get(timeout=5))
    p.join()
    print('stubborn child', p.exitcode)
    print(signal.strsignal(signal.SIGTERM), signal.SIGTERM, signal.SIGKILL)
