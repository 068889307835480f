# multiprocessing.Condition: children wait until the parent changes a
# shared value and notifies; notify_all wakes all; wait(timeout) returns
# False when nobody notifies.
import multiprocessing as mp


def consumer(cond, stage, seen, i):
    with cond:
        cond.wait_for(lambda: stage.value >= 1)
        seen[i] = stage.value


if __name__ == '__main__':
    cond = mp.Condition()
    stage = mp.Value('i', 0)
    seen = mp.Array('i', 3)
    ps = [mp.Process(target=consumer, args=(cond, stage, seen, i)) for i in range(3)]
    for p in ps:
        p.start()
    with cond:
        stage.value = 1
        cond.notify_all()
    for p in ps:
        p.join()
    print(seen[:], [p.exitcode for p in ps])
    with cond:
        print(cond.wait(0.05))
    try:
        cond.wait()
    except AssertionError as e:
        print('AssertionError', e)
    lock = mp.Lock()
    c2 = mp.Condition(lock)
    with c2:
        print(c2.wait_for(lambda: 42, timeout=0.01))
        c2.notify()
    print(lock.acquire(False))
