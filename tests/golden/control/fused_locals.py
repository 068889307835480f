# Locals loaded beside a constant, and a store followed by the next load
# of a local, run as fused instructions: results, errors and in-place
# string building (s += piece, then another statement) do not change.
def unbound_beside_constant():
    print(a + 1)
    a = 0


def unbound_after_store():
    x = 1
    print(a)
    a = x


for f in (unbound_beside_constant, unbound_after_store):
    try:
        f()
    except UnboundLocalError as e:
        print(type(e).__name__, e)


def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        t = s
    return s, t


s, t = build(20000)
print(len(s), s[:12], t is s)


def mix(n):
    total = 0
    for i in range(n):
        j = i * 2
        k = j - 1
        total += k % 7 + j // 3
    return total


print(mix(1000))


class P:
    def __init__(self):
        self.v = 3


def attrs():
    p = P()
    q = p
    q.v = q.v + 1
    r = q.v * 2
    w = r
    return r, p.v, w.bit_length()


print(attrs())
