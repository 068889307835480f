# multiprocessing.Process: a child is a copy of the parent at start(); its
# changes stay its own; exit codes for return, sys.exit(n), an uncaught
# exception and a kill; names, pids compared rather than printed.
import multiprocessing as mp
import os
import sys

counter = 0


def bump(q):
    global counter
    counter += 100
    q.put(('child counter', counter))
    q.put(('pid differs', os.getpid() != PARENT))
    q.put(('parent pid', os.getppid() == PARENT))
    q.put(('name', mp.current_process().name))
    q.put(('parent name', mp.parent_process().name))


def leave(code):
    sys.exit(code)


def crash():
    raise ValueError('child failed')


def forever():
    while True:
        pass


if __name__ == '__main__':
    PARENT = os.getpid()
    counter = 1
    q = mp.Queue()
    p = mp.Process(target=bump, args=(q,))
    print(p.name, p.exitcode, p.is_alive(), p.pid)
    p.start()
    for _ in range(5):
        print(*q.get())
    p.join()
    print('parent counter', counter, 'exitcode', p.exitcode, 'alive', p.is_alive())

    for code in [0, 3, None, 'message']:
        c = mp.Process(target=leave, args=(code,))
        c.start()
        c.join()
        print('sys.exit(%r) ->' % (code,), c.exitcode)

    c = mp.Process(target=crash, name='Crasher')
    c.start()
    c.join()
    print('crash ->', c.exitcode, c.name)

    c = mp.Process(target=forever, daemon=True)
    c.start()
    c.terminate()
    c.join()
    print('terminate ->', c.exitcode)
    c = mp.Process(target=forever)
    c.start()
    c.kill()
    c.join()
    print('kill ->', c.exitcode)

    c = mp.Process(target=forever)
    c.start()
    c.join(0.05)
    print('join(timeout) while running ->', c.exitcode, c.is_alive())
    c.terminate()
    c.join()
    print(mp.active_children(), mp.current_process().name, mp.parent_process())
    try:
        c.start()
    except AssertionError as e:
        print('AssertionError', e)
    print(mp.cpu_count() == os.cpu_count(), mp.get_start_method())
