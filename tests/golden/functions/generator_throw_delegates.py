# throw() and close() of a generator paused in `yield from` go to the
# delegate first (PEP 380): chains of generators, a delegate that returns
# or raises, one whose close fails or ignores GeneratorExit, iterators with
# and without throw/close methods.
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield 99
    finally:
        print("inner finally")

def outer():
    r = yield from inner()
    print("outer after", r)
    yield 100

g = outer()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
g.close()
print("--")
g = outer()
print(next(g))
g.close()
print("closed")
def inner2():
    try:
        yield 1
    except GeneratorExit:
        print("inner2 GeneratorExit")
        raise
def outer2():
    try:
        yield from inner2()
    except GeneratorExit:
        print("outer2 GeneratorExit")
        raise
g = outer2()
next(g)
g.close()
g = outer2()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        return self.n
    def throw(self, *a):
        print("It.throw", a[0].__class__.__name__)
        return "thrown"
    def close(self):
        print("It.close")
def outer3():
    yield from It()
g = outer3()
print(next(g))
print(g.throw(ValueError("x")))
g.close()
print("-- chains")
def level3():
    try:
        yield "l3"
    except KeyError:
        yield "l3 caught"
    return "l3 done"
def level2():
    r = yield from level3()
    yield "l2 got " + r
def level1():
    r = yield from level2()
    yield "l1 got " + str(r)
g = level1()
print(next(g))
print(g.throw(KeyError))
print(next(g))
print(next(g))
print("-- delegate returns during throw")
def ret_on_throw():
    try:
        yield 1
    except ValueError:
        return "returned"
def wrap():
    r = yield from ret_on_throw()
    print("wrap got", r)
    yield "next"
g = wrap()
next(g)
print(g.throw(ValueError))
print("-- close raising")
def bad_close():
    try:
        yield 1
    finally:
        raise OSError("close failed")
def wrap2():
    try:
        yield from bad_close()
    except OSError as e:
        print("wrap2 saw", e)
g = wrap2()
next(g)
try:
    g.close()
except OSError as e:
    print("close raised", e)
print("-- ignoring GeneratorExit")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"
def wrap3():
    yield from stubborn()
g = wrap3()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
print("-- throw with type and value into an iterator")
class It2:
    def __iter__(self): return self
    def __next__(self): return 1
    def throw(self, *a):
        print("args", len(a), a[0].__name__ if isinstance(a[0], type) else a[0])
        raise StopIteration("stopped")
def wrap4():
    r = yield from It2()
    print("wrap4 got", r)
g = wrap4()
next(g)
try:
    g.throw(ValueError, "v")
except StopIteration:
    print("finished")
class NoThrow:
    def __iter__(self): return self
    def __next__(self): return 1
def wrap5():
    try:
        yield from NoThrow()
    except ValueError as e:
        print("wrap5 caught", e)
        yield "after"
g = wrap5()
next(g)
print(g.throw(ValueError("direct")))
g.close()
print(g.gi_frame is None)
