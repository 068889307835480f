# A generator freed while suspended inside a try or with is closed, as
# CPython closes it: its finally blocks and __exit__ methods run at once,
# when the last reference goes; one suspended outside any block just goes.
import threading


def counted():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


g = counted()
next(g)
del g
print("after del")

lock = threading.Lock()


def holding():
    with lock:
        yield "locked"


h = holding()
print(next(h), lock.locked())
h = None
print("lock released:", not lock.locked())


def catching():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


c = catching()
next(c)
c = 5
print("rebound")


def plain():
    yield 1
    print("never printed")


p = plain()
next(p)
del p
print("plain freed")


def firsts(n):
    out = []
    for i in range(n):
        gen = counted()
        out.append(next(gen))
    return out


print(firsts(2))
print(any(x > 0 for x in [1, 2, 3]))


def in_thread():
    gen = counted()
    next(gen)


t = threading.Thread(target=in_thread)
t.start()
t.join()
print("done")
