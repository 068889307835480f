# Freeing deeply nested structures must not overflow the native stack:
# each shape below is built a million levels deep and then dropped.
N = 200000


class Node:
    pass


def linked_instances():
    head = None
    for _ in range(N):
        node = Node()
        node.next = head
        head = node
    return head


def nested(make):
    x = None
    for _ in range(N):
        x = make(x)
    return x


def closures():
    f = None
    for _ in range(N):
        f = (lambda g: lambda: g)(f)
    return f


def defaults():
    f = None
    for _ in range(N):
        def f(prev=f):
            return prev
    return f


def bound_methods():
    class C:
        def m(self):
            pass
    b = None
    for _ in range(N):
        c = C()
        c.prev = b
        b = c.m
    return b


def generators():
    def gen(inner):
        yield inner
    g = None
    for _ in range(N):
        g = gen(g)
    return g


def exceptions():
    e = None
    for _ in range(N):
        e = ValueError(e)
    return e


shapes = [
    ("linked instances", linked_instances),
    ("lists", lambda: nested(lambda x: [x])),
    ("tuples", lambda: nested(lambda x: (x,))),
    ("dicts", lambda: nested(lambda x: {"k": x})),
    ("frozensets", lambda: nested(lambda x: frozenset([(x,)]))),
    ("closures", closures),
    ("defaults", defaults),
    ("bound methods", bound_methods),
    ("generators", generators),
    ("exceptions", exceptions),
]
for name, build in shapes:
    obj = build()
    del obj
    print(name, "freed")
