# Every single operation on one shared list is atomic, also without the GIL:
# appends, extending a list by itself, +=, *=, remove, pop and sort by
# several threads at once lose and duplicate no element.
import threading

N = 8


def run(target, *args):
    ts = [threading.Thread(target=target, args=(t,) + args) for t in range(N)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


shared = []


def appender(t):
    for i in range(1000):
        shared.append((t, i))
        shared.insert(0, t)


run(appender)
print('append/insert', len(shared), len(set(x for x in shared if isinstance(x, tuple))))

# Each extend-by-itself (and each +=, *=) doubles the list as one step, so
# the final length is a power of two times the start, whatever the order.
doubling = [1, 2, 3]


def doubler(t):
    if t % 3 == 0:
        doubling.extend(doubling)
    elif t % 3 == 1:
        global_list = doubling
        global_list += global_list
    else:
        global_list = doubling
        global_list *= 2


run(doubler)
print('doubled', len(doubling), len(doubling) == 3 * 2 ** N, doubling.count(2) * 3 == len(doubling))

removing = list(range(N * 500))


def remover(t):
    for i in range(500):
        removing.remove(t * 500 + i)


run(remover)
print('removed', removing)

popping = list(range(N * 500))
popped = []


def popper(t):
    got = []
    for _ in range(500):
        got.append(popping.pop())
    popped.extend(got)


run(popper)
print('popped', len(popping), len(popped), sorted(popped) == list(range(N * 500)))

# Two threads sorting one list keep every element; a sort that ran Python
# code while another changed the list may report it.
ints = list(range(3000, 0, -1))
errors = set()


def sorter(t):
    for _ in range(20):
        try:
            ints.sort(reverse=(t % 2 == 0))
        except ValueError as e:
            errors.add(str(e))


run(sorter)
print('sorted ints', len(ints), sorted(ints) == list(range(1, 3001)))


class Box:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v


boxes = [Box(i) for i in range(200)]


def box_sorter(t):
    for _ in range(10):
        try:
            if t % 2:
                boxes.sort()
            else:
                boxes.sort(key=lambda b: -b.v)
        except ValueError as e:
            errors.add(str(e))


run(box_sorter)
print('sorted boxes', len(boxes), sorted(b.v for b in boxes) == list(range(200)))
print('errors', errors <= {'list modified during sort'})
