# memoryview slices are views of the same buffer; writes go through to a
# bytearray, with CPython's errors.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


b = b'abcdef'
m = memoryview(b)
s = m[1:4]
print(s.obj is b, s.tobytes(), s.tolist(), len(s), s.nbytes, s.shape, s.strides)
r = m[::-1]
print(r.tobytes(), r.strides, r.c_contiguous, r.contiguous, r[0], r[-1])
e = m[::2]
print(e.tobytes(), e.tolist(), e.strides, e.c_contiguous, e.f_contiguous, e.nbytes, e.hex())
print(m[::2][1:].tolist(), m[::-2].tobytes(), m[10:20].tolist(), m[-2:].tobytes(), m[4:1].tolist())
attempt(lambda: m[::0])

ba = bytearray(range(8))
w = memoryview(ba)
w[0] = 100
w[-1] = 255
print(ba)
ba[1] = 7
print(w[1], w.tolist())
w[2:4] = b'xy'
print(ba)
w[::2] = b'ABCD'
print(ba)
w[1:3] = bytearray(b'qq')
print(ba)
w[5:7] = memoryview(b'zz')
print(ba)
w[0:2] = w[2:4]
print(ba)
w[True] = 9
print(ba)
sub = w[2:6]
sub[0] = 1
print(ba, sub.obj is ba)


def setter(key, value, view=w):
    def f():
        view[key] = value
        return bytes(ba)
    return f


attempt(setter(0, 300))
attempt(setter(0, -1))
attempt(setter(0, 'a'))
attempt(setter(0, 1.5))
attempt(setter(0, None))
attempt(setter(9, 1))
attempt(setter(-9, 1))
attempt(setter(slice(0, 2), b'abc'))
attempt(setter(slice(0, 2), b'a'))
attempt(setter(slice(0, 2), [1, 2]))
attempt(setter(slice(0, 1), 5))
attempt(setter(slice(0, 2), memoryview(b'qqqq').cast('h')))
attempt(setter('a', 1))


def deleter(view, key):
    def f():
        del view[key]
    return f


attempt(deleter(w, 0))
attempt(deleter(w, slice(0, 2)))

ro = memoryview(b'abc')
attempt(setter(0, 1, ro))
attempt(setter(slice(0, 1), b'x', ro))
attempt(deleter(ro, 0))
t = memoryview(bytearray(b'abc')).toreadonly()
print(t.readonly, t.obj, t.tolist())
attempt(setter(0, 1, t))
