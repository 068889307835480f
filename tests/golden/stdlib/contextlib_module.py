from contextlib import contextmanager, suppress, closing, ExitStack, nullcontext, redirect_stdout
@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("b") as t:
    print("inside", t)
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    raise KeyError("k")
print("after swallow")
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
@contextmanager
def twice():
    yield
    yield
try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("not suppressed")
class Thing:
    def close(self): print("closed")
with closing(Thing()) as th:
    print(type(th).__name__)
with nullcontext(5) as v:
    print(v)
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    stack.enter_context(tag("x"))
    print("body")
with ExitStack() as stack:
    stack.push(lambda *exc: print("exit got", exc[0].__name__) or True)
    raise OSError("x")
print("ExitStack suppressed")
with ExitStack() as stack:
    stack.callback(print, "kept")
    other = stack.pop_all()
print("after pop_all"); other.close()
try:
    with ExitStack() as stack:
        stack.enter_context(3)
except TypeError as e:
    print(e)
@tag("deco")
def decorated():
    print("decorated body")
decorated()
class Buf:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass
buf = Buf()
with redirect_stdout(buf):
    print("hidden")
print(repr(''.join(buf.parts)))
