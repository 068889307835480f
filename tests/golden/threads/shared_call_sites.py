# Two threads running the same code share its call-site caches: a global
# function, methods of two classes at one site, attributes stored and
# loaded, a builtin. Without the GIL these sites are read lock-free; the
# answers must follow rebinding a global, changing a class and deleting
# an attribute between runs.
import threading


class A:
    kind = "a"

    def __init__(self):
        self.total = 0

    def bump(self, k):
        self.total += k


class B(A):
    kind = "b"

    def bump(self, k):
        self.total += 2 * k


def step(x):
    return x + 1


def step2(x):
    return x + 2


LIMIT = [3]


def work(results, name, objs, n):
    s = 0
    for i in range(n):
        for o in objs:
            o.bump(1)
            o.total = step(o.total)
        s = step(s) + len(LIMIT) - 1
    results[name] = (s, [(o.kind, o.total) for o in objs])


def run(label):
    results = {}
    objs1, objs2 = [A(), B()], [B(), A()]
    ts = [
        threading.Thread(target=work, args=(results, "t1", objs1, 5000)),
        threading.Thread(target=work, args=(results, "t2", objs2, 5000)),
    ]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(label, sorted(results.items()))


run("first")
step = step2
run("global rebound")
A.bump = lambda self, k: setattr(self, "total", self.total + 10 * k)
run("method replaced")
B.kind = "bb"
run("class attribute changed")
del B.bump
run("override deleted")
LIMIT.append(4)
run("list global grew")


def late(x):
    return x + 3


step = late
run("function defined after the threads started")
