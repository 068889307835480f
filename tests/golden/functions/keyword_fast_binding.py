# Keyword calls of plain functions bind like CPython's: every mix of
# positional, keyword, default and keyword-only parameters, and every
# error a keyword call can make.
def f(a, b=1, c=2):
    return (a, b, c)


def g(a, *, k, m=5):
    return (a, k, m)


def h(x, y, /, z=3):
    return (x, y, z)


def many(p0, p1=1, p2=2, p3=3, p4=4, p5=5, p6=6, p7=7, p8=8, p9=9):
    return (p0, p1, p2, p3, p4, p5, p6, p7, p8, p9)


def defaults_are_shared(a, acc=[]):
    acc.append(a)
    return len(acc)


for i in range(3):
    print(f(i, c=3), f(a=i), f(i, b=i * 2), f(c=1, a=i, b=2), f(i, 5, c=9))
    print(g(i, k=1), g(a=i, k=2, m=3), g(i, m=0, k=-1))
    print(h(1, 2, z=i), h(1, 2))
    print(many(0, p9=90, p5=50, p1=10, p2=20, p3=30, p4=40, p6=60, p7=70, p8=80))
    print(defaults_are_shared(i, ))


def local_names(a, b=10):
    total = a + b
    inner = [total * 2 for _ in range(2)]
    return inner


print(local_names(1, b=2), local_names(b=3, a=4))

bad_calls = [
    lambda: f(1, a=2),
    lambda: f(1, d=2),
    lambda: f(b=2),
    lambda: g(1),
    lambda: g(1, k=1, z=2),
    lambda: h(1, y=2),
    lambda: h(x=1, y=2),
    lambda: f(1, 2, 3, c=4),
    lambda: many(p1=1),
]
for call in bad_calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class C:
    def m(self, x, y=2):
        return x * y

    @staticmethod
    def s(a, b=0):
        return a - b


o = C()
print(o.m(3, y=4), o.m(x=5), C.m(o, x=1, y=1), C.s(b=1, a=9), o.s(3, b=1))


def rec(n, acc=0):
    if n == 0:
        return acc
    return rec(n - 1, acc=acc + n)


print(rec(200, acc=0))
