# Errors raised inside modules CPython implements in C (itertools,
# operator, heapq, bisect) or passed through them: the traceback shows only
# the program's own frames.
import heapq
import itertools
import operator


def divide(a, b):
    return a / b


for attempt in [
    lambda: list(itertools.starmap(divide, [(1, 1), (1, 0)])),
    lambda: operator.attrgetter("missing")(object()),
    lambda: heapq.heappush([1], "one"),
    lambda: list(itertools.accumulate([1, "a"])),
]:
    try:
        attempt()
    except Exception as e:
        tb = e.__traceback__
        depth = 0
        while tb is not None:
            depth += 1
            tb = tb.tb_next
        print(type(e).__name__, e, depth)

print(list(itertools.starmap(divide, [(4, 2), (3, 0)])))
