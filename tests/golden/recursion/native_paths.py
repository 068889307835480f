# Rust paths that recurse on user data raise RecursionError with CPython's
# message for each path, never overflow the native stack.
import sys


def t(name, f):
    try:
        f()
        print(name, "no error")
    except RecursionError as e:
        print(name, "RecursionError:", e)


class C:
    def __call__(self):
        return self()


t("__call__", lambda: C()())


class E:
    def __eq__(self, o):
        return self == o


t("__eq__", lambda: E() == E())


class H:
    def __hash__(self):
        return hash(self)


t("__hash__", lambda: hash(H()))


class G2:
    def __getattr__(self, n):
        return self.y


t("__getattr__", lambda: G2().x)


class D:
    def __get__(self, o, t):
        return o.d


class DD:
    d = D()


t("__get__", lambda: DD().d)


class R:
    def __repr__(self):
        return repr(self)


t("__repr__", lambda: repr(R()))


class S:
    def __str__(self):
        return str(self)


t("__str__", lambda: str(S()))


class F:
    def __str__(self):
        return repr(self)


F.__repr__ = F.__str__
t("__str__ is __repr__", lambda: print(F()))


def key(x):
    return sorted([1, 2], key=key)


t("sorted key", lambda: sorted([1, 2], key=key))


class Fm:
    def __format__(self, s):
        return format(self, s)


t("__format__", lambda: format(Fm(), ""))


class L:
    def __len__(self):
        return len(self)


t("__len__", lambda: len(L()))


class A:
    def __add__(self, o):
        return self + o


t("__add__", lambda: A() + 1)


class Ex(Exception):
    def __str__(self):
        return str(self)


t("exception __str__", lambda: str(Ex()))

a = []
a.append(a)
b = []
b.append(b)
print(a == a, repr(a))
t("self-containing lists ==", lambda: a == b)
t("self-containing lists <", lambda: a < b)

x = []
y = []
d = {}
tu = ()
for i in range(100000):
    x = [x]
    y = [y]
    d = {1: d}
    tu = (tu,)
t("deep ==", lambda: x == y)
t("deep repr", lambda: repr(x))
t("deep str", lambda: str(x))
t("deep dict repr", lambda: repr(d))
t("deep tuple repr", lambda: repr(tu))
t("deep format", lambda: format(x))
t("deep f-string", lambda: f"{x}")
t("deep print", lambda: print(x))

# Nested a little less than the limit: fine; the repr is linear in size.
sys.setrecursionlimit(20000)
z = []
for i in range(15000):
    z = [z]
print(len(repr(z)))
