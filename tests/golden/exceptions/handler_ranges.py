# Which handler catches what: nested try/except/finally/with, early exits
# through finally, handlers that raise, and generators suspended inside
# handlers (the ranges of each code object's exception table).
import sys


class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, sys.exc_info()[0])
        return self.swallow


def loop_exits():
    out = []
    for i in range(5):
        try:
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                out.append(i)
            finally:
                out.append("f%d" % i)
        except ZeroDivisionError:
            out.append("never")
        out.append(1 / (i + 1) > 0)
    return out


def return_in_finally():
    try:
        raise KeyError("lost")
    finally:
        return "swallowed"


def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i, sys.exc_info()


def raise_in_handler():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise ValueError("b")
    except ValueError as e:
        return repr(e), repr(e.__context__)


def reraise_after_with():
    try:
        with CM("outer"):
            with CM("inner", swallow=True):
                raise IndexError("x")
            print("after inner")
            raise TypeError("y")
    except TypeError as e:
        return "caught " + str(e)


def nested_handler_state():
    try:
        raise KeyError(1)
    except KeyError:
        try:
            raise ValueError(2)
        except ValueError:
            print("inner handling", sys.exc_info()[0].__name__)
        print("outer handling again", sys.exc_info()[0].__name__)
        try:
            raise
        except KeyError as e:
            print("bare raise", repr(e))
    print("after", sys.exc_info())


def gen():
    try:
        yield 1
        try:
            yield 2
        except ValueError:
            yield "handled"
            yield "still"
    finally:
        print("gen finally")


def with_in_loop_continue():
    n = 0
    for i in range(3):
        with CM("w%d" % i):
            if i == 1:
                continue
            n += 1
    return n


def return_through_with_and_finally():
    try:
        with CM("r"):
            for x in range(3):
                try:
                    return x
                finally:
                    print("inner finally", x)
    finally:
        print("outer finally")


def unbound_in_try():
    try:
        print(undefined_name)
    except NameError as e:
        print("NameError:", e)
    x = 1
    try:
        del x
        x
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


print(loop_exits())
print(return_in_finally())
print(break_in_finally())
print(raise_in_handler())
print(reraise_after_with())
nested_handler_state()
g = gen()
print(next(g), next(g), g.throw(ValueError))
g.close()
g = gen()
print(next(g))
try:
    g.throw(KeyError("out"))
except KeyError as e:
    print("propagated", repr(e))
fresh = gen()
try:
    fresh.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted", repr(e))
print(with_in_loop_continue())
print(return_through_with_and_finally())
unbound_in_try()
dropped = gen()
next(dropped)
del dropped  # suspended inside its try: freeing it runs its finally
print("dropped")
done = gen()
for _ in done:
    pass
del done
print("end")
