# Generators driven by `for` and `yield from` (resumed inside the running
# evaluation loop) behave as when driven by next()/send().
import sys
import threading


def count(n):
    for i in range(n):
        yield i
    return "done"


# Exhausted generators: a for loop over one runs no iteration.
g = count(3)
print(list(g), list(g))
for x in g:
    print("never", x)

# for and next() take turns on one generator.
g = count(6)
for x in g:
    print("for", x, "next", next(g))
    if x >= 2:
        break
print("rest", list(g))


# An exception in the generator reaches the for loop's frame.
def fails(n):
    for i in range(n):
        yield i
    raise KeyError("k%d" % n)


try:
    for x in fails(2):
        print("got", x)
except KeyError as e:
    print("caught", repr(e))


# The same through yield from, caught in the delegating generator.
def delegate():
    try:
        r = yield from fails(1)
        print("not reached", r)
    except KeyError as e:
        print("delegate caught", repr(e))
        yield "after"
    r = yield from count(2)
    print("count returned", r)
    r = yield from count(0)
    print("empty returned", r)


print(list(delegate()))

# A finished sub-generator delegated to returns None.
done = count(1)
list(done)


def again():
    r = yield from done
    print("finished returned", r)
    yield 1


print(list(again()))


# PEP 479: StopIteration leaving a generator becomes RuntimeError.
def stops():
    yield 1
    raise StopIteration("inner")


try:
    for x in stops():
        print("stops", x)
except RuntimeError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))


def stops_via_next():
    yield 1
    next(iter([]))


try:
    print(list(stops_via_next()))
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


# sys.exc_info() inside a generator and in its resumer.
def exc_gen():
    print("gen starts with", sys.exc_info()[0])
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[0].__name__
        print("gen resumed with", sys.exc_info()[0].__name__)
    yield sys.exc_info()[0]


try:
    raise TypeError("outer")
except TypeError:
    for v in exc_gen():
        print("loop sees", v, "and", sys.exc_info()[0].__name__)
print("after", sys.exc_info())


# gi_running while the loop runs the generator; running twice fails.
def self_aware():
    yield me.gi_running
    try:
        for x in me:
            pass
    except ValueError as e:
        yield str(e)
    try:
        next(me)
    except ValueError as e:
        yield "next: " + str(e)


me = self_aware()
for v in me:
    print("self_aware", v)
print("running after", me.gi_running)


# Another thread resuming a generator that is running fails the same way.
def threaded():
    out = []

    def other():
        try:
            next(tg)
        except ValueError as e:
            out.append(str(e))

    t = threading.Thread(target=other)
    t.start()
    t.join()
    yield out[0]


tg = threaded()
for v in tg:
    print("thread:", v)


# send() into a generator that loops over another one.
def echo_sum():
    total = 0
    for x in count(3):
        got = yield x
        total += got or 0
    yield "total %d" % total


e = echo_sum()
print(next(e), e.send(10), e.send(20), e.send(30))


# throw() into a generator suspended inside a for loop over another.
def outer():
    try:
        for x in count(5):
            yield x
    except ZeroDivisionError:
        yield "outer caught"
    yield "outer end"


o = outer()
print(next(o), next(o), o.throw(ZeroDivisionError), next(o))
o = outer()
next(o)
o.close()
print("closed", list(o))


# finally blocks of generators driven by for, when the loop breaks.
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")


f = with_finally()
for x in f:
    print("with_finally", x)
    break
f.close()


def returns_in_finally():
    try:
        yield 1
    finally:
        return 7


def get_ret():
    r = yield from returns_in_finally()
    yield r


print(list(get_ret()))


# Recursive generators: deep yield from chains and the recursion limit.
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(sum(tree(10)), len(list(tree(8))))


def chain(n):
    if n == 0:
        yield "bottom"
    else:
        for x in chain(n - 1):
            yield x


print(list(chain(200)))


def endless(n):
    yield from endless(n + 1)


try:
    for x in endless(0):
        pass
except RecursionError as e:
    print("RecursionError", e)


def nested_loops(n):
    if n == 0:
        yield 0
        return
    for x in nested_loops(n - 1):
        yield x + 1


try:
    list(nested_loops(5000))
except RecursionError as e:
    print("RecursionError", e)
print(list(nested_loops(50)))


# Generator expressions over generators, consumed by builtins and loops.
print(sum(x * x for x in count(10)), max(x for x in count(4)), ",".join(str(x) for x in count(3)))
print([y for y in (x + 1 for x in count(3))])
print(sorted((x for x in count(5)), reverse=True), any(x > 3 for x in count(5)))


# yield from iterators over Rust data, and what they return.
def from_iterables():
    r = yield from [1, 2]
    print("list returned", r)
    r = yield from range(3, 5)
    print("range returned", r)
    r = yield from enumerate(["a", "b"])
    print("enumerate returned", r)
    it = iter([5])
    next(it)
    r = yield from it
    print("exhausted returned", r)
    yield from (6, 7)
    yield from "xy"


print(list(from_iterables()))


def sends_into_list():
    yield from [1, 2]


s = sends_into_list()
print(next(s))
try:
    s.send(5)
except AttributeError as e:
    print("AttributeError", e)
