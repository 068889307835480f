# The gc module's API, with CPython's values and errors.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(1000)
print(gc.get_threshold())
gc.set_threshold(500, 20)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())

count = gc.get_count()
print(type(count).__name__, len(count), all(type(c) is int and c >= 0 for c in count))

print(gc.collect() >= 0, gc.collect(0) >= 0, gc.collect(generation=1) >= 0, gc.collect(2) >= 0)
print(gc.garbage, type(gc.callbacks).__name__, gc.callbacks)

class C:
    pass

def f():
    pass

for obj in [1, 2.5, "s", b"b", None, True, [], set(), C(), f, ([],), (1, [2])]:
    print(repr(obj)[:12].split(" at ")[0], gc.is_tracked(obj))
print(gc.is_finalized(C()))
print(gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

for call in [
    lambda: gc.collect(3),
    lambda: gc.collect(-1),
    lambda: gc.collect("a"),
    lambda: gc.collect(1.0),
    lambda: gc.collect(2 ** 40),
    lambda: gc.collect(1, 2),
    lambda: gc.collect(gen=1),
    lambda: gc.enable(1),
    lambda: gc.disable(x=1),
    lambda: gc.isenabled(1),
    lambda: gc.get_count(1),
    lambda: gc.get_threshold(1),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: gc.set_threshold(1.5),
    lambda: gc.set_threshold(2 ** 40),
    lambda: gc.set_threshold(-2 ** 40),
    lambda: gc.set_threshold(2 ** 100),
    lambda: gc.set_threshold(x=1),
    lambda: gc.is_tracked(),
    lambda: gc.is_tracked(x=1),
    lambda: gc.set_debug(),
    lambda: gc.set_debug("a"),
]:
    try:
        call()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(gc.get_threshold())
