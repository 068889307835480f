# Queues and pipes between processes: values of every kind cross intact
# (ints of any size, floats, str, bytes, containers, instances of
# module-level classes, exceptions), timeouts give queue.Empty, a closed
# pipe end gives EOFError, and what cannot cross fails in the sender.
import multiprocessing as mp
import queue
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def double(x):
    return 2 * x


VALUES = [None, True, False, 0, -7, 2 ** 100, -3 ** 70, 1.5, float('inf'), 'héllo', b'\x00\xff',
          [1, [2, 3]], (1, 'a', (2.5,)), {'k': [1, 2], 3: None}, {1, 2, 3}, frozenset({'x'}),
          Point(1, [2]), ValueError('bad', 42), KeyError('k'), double, Point, len]


def echo(conn, other):
    # The child's copy of the parent's end must go, or EOF never comes.
    other.close()
    while True:
        try:
            item = conn.recv()
        except EOFError:
            break
        conn.send(item)
    conn.close()


def producer(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


if __name__ == '__main__':
    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child, parent))
    p.start()
    for v in VALUES:
        parent.send(v)
        back = parent.recv()
        if isinstance(v, BaseException):
            print(type(back).__name__, back.args)
        elif callable(v) and not isinstance(v, Point):
            print(back.__name__, back is v)
        else:
            print(repr(back), back == v or back is v)
    print(parent.poll(), parent.poll(0.01))
    parent.close()
    child.close()
    p.join()
    print('echo exit', p.exitcode)

    q = mp.Queue()
    print(q.empty(), q.qsize())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print('Empty after timeout')
    try:
        q.get_nowait()
    except queue.Empty:
        print('Empty now')
    a, b = mp.Pipe()
    # Connection.send encodes in the sender, so the error is raised there.
    for bad in [lambda: 1, threading.Lock()]:
        try:
            a.send(bad)
        except Exception as e:
            print(type(e).__name__, str(e).split(' at 0x')[0].split(':')[0])
    ps = [mp.Process(target=producer, args=(q, 200)) for _ in range(3)]
    for p in ps:
        p.start()
    got = []
    done = 0
    while done < 3:
        x = q.get()
        if x is None:
            done += 1
        else:
            got.append(x)
    for p in ps:
        p.join()
    print(len(got), sorted(got) == sorted(list(range(200)) * 3), q.empty())

    r, w = mp.Pipe(duplex=False)
    w.send('one way')
    print(r.recv(), r.readable, r.writable, w.readable, w.writable)
    w.send_bytes(b'raw bytes')
    print(r.recv_bytes())
    w.close()
    try:
        r.recv()
    except EOFError:
        print('EOFError')
