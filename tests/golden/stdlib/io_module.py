import io
import contextlib
import sys

s = io.StringIO()
print(s.write("hello "), s.write("world\n"), s.tell())
print("line two", file=s)
print(1, 2, 3, sep="-", end="!\n", file=s)
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(4)), s.tell(), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([line.rstrip() for line in s])
s.seek(6)
s.write("WORLD")
print(repr(s.getvalue()))
s.seek(0, 2)
print(s.tell(), s.seek(3), s.truncate(), repr(s.getvalue()), s.tell())
s.seek(10)
s.write("x")
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed, s.isatty())
s.close()
print(s.closed)

t = io.StringIO("abc\ndef\nghi")
t.write("X")
print(repr(t.getvalue()), repr(t.read()), t.readlines())
t.seek(0)
print(repr(t.readline(2)), repr(t.readline()), repr(t.readline()), repr(t.readline()), repr(t.readline()))

with io.StringIO() as w:
    w.writelines(["a", "b", "c"])
    print(w.getvalue())
print(w.closed)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
    sys.stdout.write("direct\n")
print(repr(buf.getvalue()))

b = io.BytesIO(b"spam\neggs\n")
print(b.read(2), b.tell(), b.readline(), b.readlines(), b.read())
b.seek(-3, 2)
print(b.read(), b.seek(1, 0), b.seek(2, 1), b.tell())
b.seek(0, 2)
print(b.write(b"ham"), b.write(bytearray(b"!")), b.getvalue())
b.seek(0)
print(list(b))
e = io.BytesIO()
e.write(b"abc")
e.seek(1)
e.write(b"Z")
print(e.getvalue(), e.truncate(2), e.getvalue())
e.seek(5)
e.write(b"q")
print(e.getvalue())


def attempt(f):
    try:
        print(f())
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)


c = io.StringIO("x")
attempt(lambda: c.write(5))
attempt(lambda: c.seek(-1))
attempt(lambda: c.seek(1, 1))
attempt(lambda: c.seek(1, 2))
attempt(lambda: c.seek(0, 3))
attempt(lambda: c.truncate(-1))
attempt(lambda: io.StringIO(5))
attempt(lambda: io.BytesIO().write("text"))
attempt(lambda: io.BytesIO().seek(-1))
attempt(lambda: io.BytesIO().seek(0, 5))
attempt(lambda: io.BytesIO("text"))
c.close()
attempt(lambda: c.getvalue())
attempt(lambda: c.read())
attempt(lambda: c.write("y"))
attempt(lambda: c.tell())
attempt(lambda: print("z", file=c))
with io.StringIO() as k:
    pass
attempt(lambda: k.__enter__())
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(isinstance(io.StringIO(), io.IOBase), io.SEEK_END, issubclass(io.UnsupportedOperation, OSError))

old = sys.stdout
sys.stdout = cap = io.StringIO()
for i in range(3):
    print("row", i)
sys.stdout = old
print(cap.getvalue().splitlines())
r = io.StringIO("one\ntwo")
print(repr(r.read(None)), repr(r.read(0)), r.seek(100), repr(r.read()), repr(r.readline(0)))
r.seek(0)
print(repr(r.readline(None)), next(r), r.tell())
attempt(lambda: next(r))
q = io.BytesIO(b"a\nbb\nccc")
print(q.readline(1), q.readline(5), q.readlines(1), q.read(None))
many = io.StringIO()
for n in range(1000):
    many.write(str(n % 10))
print(len(many.getvalue()), many.getvalue()[:12], many.tell())
attempt(lambda: io.StringIO("x", newline="bad"))
attempt(lambda: io.StringIO().read("3"))
