# Every single operation on one shared set is atomic, also without the GIL:
# the in-place operators (|=, -=, ^=, &=) and the update methods are one set
# operation each, like set.update, so no element is lost or left behind.
import threading

N = 8


def run(target):
    ts = [threading.Thread(target=target, args=(t,)) for t in range(N)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


union = set()


def uniter(t):
    global union
    for i in range(500):
        union |= {(t, i), ('shared', i)}
        union.update([(t, -i)])


run(uniter)
print('|= and update', len(union))

shrinking = set(range(N * 500))


def shrinker(t):
    global shrinking
    for i in range(0, 500, 2):
        shrinking -= {t * 500 + i}
        shrinking.difference_update([t * 500 + i + 1])


run(shrinker)
print('-= and difference_update', len(shrinking))

# An even number of toggles of the same elements leaves the set as it was.
toggled = set(range(100, 200))


def toggler(t):
    global toggled
    for i in range(20):
        toggled ^= set(range(150, 250))
        toggled.symmetric_difference_update(range(180, 190))


run(toggler)
print('^= and symmetric_difference_update', sorted(toggled) == list(range(100, 200)))

# Intersecting with a superset of everything ever added keeps every element
# other threads add meanwhile.
universe = set(range(N * 1000))
kept = set()


def intersecter(t):
    global kept
    for i in range(1000):
        kept.add(t * 1000 + i)
        if i % 10 == 0:
            kept &= universe
            kept.intersection_update(universe)


run(intersecter)
print('&= and intersection_update', len(kept), kept == universe)

popping = set(range(N * 300))
popped = []


def popper(t):
    got = []
    for _ in range(300):
        got.append(popping.pop())
    popped.extend(got)


run(popper)
print('pop', len(popping), sorted(popped) == list(range(N * 300)))


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 7

    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n


keys = [Key(i) for i in range(N * 50)]
user = set()


def user_keys(t):
    global user
    for k in keys[t * 50:(t + 1) * 50]:
        user |= {k}
    user ^= set(keys[t * 50:t * 50 + 10])


run(user_keys)
print('user keys', len(user))
