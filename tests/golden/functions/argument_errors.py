# TypeErrors for bad calls, with CPython's messages.
def two(a, b):
    pass
def kw(a, *, b):
    pass
def dflt(a, b=1):
    pass
calls = [
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: two(1, b=2, c=3),
    lambda: two(1, a=1),
    lambda: kw(1, 2),
    lambda: kw(1),
    lambda: dflt(1, 2, 3),
    lambda: dflt(),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: two(*[1], **{'a': 1}),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
