# The exception being handled, seen from inside generators: a generator
# handling none sees its resumer's (CPython's exc_info chain).
import sys


def name():
    e = sys.exc_info()[1]
    return type(e).__name__ if e is not None else None


def plain():
    yield name()
    yield name()


g = plain()
print("outside:", next(g))
try:
    raise KeyError("k")
except KeyError:
    print("in except:", next(g))
print("after:", list(g))


# A bare raise inside a generator re-raises what the resumer handles.
def reraiser():
    yield 1
    raise


r = reraiser()
next(r)
try:
    try:
        raise IndexError("resumer's")
    except IndexError:
        next(r)
except IndexError as e:
    print("re-raised:", repr(e))

try:
    list(reraiser())
except RuntimeError as e:
    print("nothing to re-raise:", e)


# An exception raised in a generator gets the resumer's as its context.
def raiser():
    yield 1
    raise ValueError("from gen")


r = raiser()
next(r)
try:
    try:
        raise TypeError("handled by resumer")
    except TypeError:
        for x in r:
            pass
except ValueError as e:
    print("context:", repr(e.__context__))


# A generator handling its own exception keeps it across resumers.
def keeps():
    try:
        raise LookupError("own")
    except LookupError:
        yield name()
        yield name()
    yield name()


k = keeps()
print("first:", next(k))
try:
    raise OSError("other")
except OSError:
    print("second, resumer handling OSError:", next(k))
    print("third:", next(k))
print("resumer after:", name())


# Nested generators driven by for loops inside an except block.
def inner():
    yield name()
    try:
        raise ArithmeticError
    except ArithmeticError:
        yield name()
    yield name()


def outer():
    for v in inner():
        yield "inner saw %s, outer sees %s" % (v, name())


try:
    raise NameError
except NameError:
    for line in outer():
        print(line)
print(name())
