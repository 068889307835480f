# Every single operation on one shared dict is atomic, also without the
# GIL: setdefault, pop, popitem, update, copy and the views, used by several
# threads at once, lose no entry and count every one once.
import threading

N = 8


def run(target):
    ts = [threading.Thread(target=target, args=(t,)) for t in range(N)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


groups = {}


def grouper(t):
    for i in range(2000):
        groups.setdefault(i % 50, []).append(t)
        groups.setdefault(('k', i % 7), set()).add((t, i))


run(grouper)
print('setdefault', len(groups), sum(len(v) for k, v in groups.items() if isinstance(k, int)))
print('setdefault sets', sum(len(v) for k, v in groups.items() if isinstance(k, tuple)))

stock = {i: i for i in range(N * 1000)}
taken = []


def taker(t):
    mine = 0
    for i in range(N * 1000):
        if stock.pop(i, None) is not None:
            mine += 1
    taken.append(mine)


run(taker)
print('pop', len(stock), sum(taken))

items = {str(i): i for i in range(N * 300)}
popped = []


def popitemer(t):
    got = []
    for _ in range(300):
        got.append(items.popitem())
    popped.extend(got)


run(popitemer)
print('popitem', len(items), len(popped), len(set(k for k, v in popped)))

merged = {}
seen = []


def updater(t):
    for i in range(200):
        merged.update({(t, i): i, (t, -i): -i})
        snapshot = merged.copy()
        seen.append(len(snapshot) <= 2 * N * 200)
        seen.append(len(list(merged.keys())) <= 2 * N * 200)
        seen.append(all(k in merged for k in list(merged)[:5]))


run(updater)
print('update', len(merged), all(seen))


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 5

    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n


keyed = {}


def keyed_setdefault(t):
    for i in range(100):
        keyed.setdefault(Key(i), []).append(t)


run(keyed_setdefault)
print('user keys', len(keyed), sum(len(v) for v in keyed.values()))
