# memoryview.cast: 1-D casts to each native format, shapes, and errors.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


ba = bytearray(b'\x01\x02\x03\x04\xfe\xff\x00\x80')
m = memoryview(ba)
for code in 'BbchHiIlLqQfd?':
    c = m.cast(code)
    print(code, c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.readonly, c.obj is ba, c.tolist())
print(m.cast('@h').format, m.cast('@h').tolist(), m.cast('n').tolist(), m.cast('N').tolist(), m.cast('P').tolist())
print(m.cast(format='H').tolist(), m.cast('h').cast('B').tolist(), m.cast('i').cast('c')[0])

h = m.cast('h')
h[0] = -2
print(ba, h[0], h[-1])
h[1] = 32767
print(ba)
h[2:4] = memoryview(bytearray(4)).cast('h')
print(ba, h.tolist())
f = m.cast('f')
f[0] = 1
f[1] = 2.5
print(ba, f.tolist())
d = m.cast('d')
d[0] = -0.5
print(ba, d.tolist(), d[0])
c = m.cast('c')
c[0] = b'z'
print(ba, c[0], c[1:3].tolist())
q = m.cast('?')
q[1] = 5
q[2] = []
print(ba, q.tolist())


def setter(view, key, value):
    def run():
        view[key] = value
    return run


attempt(setter(h, 0, 70000))
attempt(setter(h, 0, 2.0))
attempt(setter(m.cast('b'), 0, 128))
attempt(setter(m.cast('b'), 0, -129))
attempt(setter(m.cast('B'), 0, 2 ** 70))
attempt(setter(m.cast('Q'), 0, -1))
attempt(setter(m.cast('I'), 0, 2 ** 32))
attempt(setter(c, 0, b'zz'))
attempt(setter(c, 0, 1))
attempt(setter(c, 0, bytearray(b'a')))
attempt(setter(f, 0, 'a'))
attempt(setter(f, 0, 1e300))

g = memoryview(bytes(range(6))).cast('B', [2, 3])
print(g.shape, g.strides, g.ndim, len(g), g.nbytes, g.tolist(), g.tobytes(), g.tobytes('F'))
print(g.c_contiguous, g.f_contiguous, g.contiguous, g[0, 1], g[1, -1], g.cast('B').tolist())
print(g == memoryview(bytes(range(6))).cast('B', [2, 3]), g == bytes(range(6)))
print(memoryview(b'ab').cast('B', [1, 2, 1]).tolist(), memoryview(b'ab').cast('B', (2,)).tolist())
print(memoryview(b'abcd').cast('h', [2]).tolist(), memoryview(b'ab').cast('B', [2, 1]).cast('c').tolist())
z = memoryview(b'a').cast('B', [])
print(z.ndim, z.shape, z.strides, z.tolist(), z[()], z[...] is z, z.tobytes(), len(z))
attempt(lambda: z[0])
attempt(lambda: list(z))
attempt(lambda: g[0])
attempt(lambda: g[2, 0])
attempt(lambda: g[0:1, 0:1])
attempt(lambda: list(g))
attempt(lambda: g[0, 0, 0])

attempt(lambda: m.cast('x'))
attempt(lambda: m.cast('<h'))
attempt(lambda: m.cast('hh'))
attempt(lambda: m.cast('e'))
attempt(lambda: m.cast(''))
attempt(lambda: m.cast(1))
attempt(lambda: m.cast())
attempt(lambda: m.cast('h').cast('i'))
attempt(lambda: m[:3].cast('h'))
attempt(lambda: m[::2].cast('B'))
attempt(lambda: m.cast('B', [3]))
attempt(lambda: m.cast('B', 8))
attempt(lambda: m.cast('B', []))
attempt(lambda: m.cast('B', [0]))
attempt(lambda: m.cast('B', [-1, -8]))
attempt(lambda: m.cast('B', ['a']))
attempt(lambda: memoryview(b'').cast('B', [0, 2]))
attempt(lambda: memoryview(b'a' * 128).cast('B', [2] * 65))
attempt(lambda: g.cast('B', [3, 2]))
attempt(lambda: m.cast('B', [2 ** 70]))
attempt(lambda: m.cast('B', [2 ** 40, 2 ** 40, 2 ** 40]))
attempt(lambda: m.cast('B', [True, 8]).tolist())
attempt(lambda: memoryview(bytearray()).cast('d').tolist())
attempt(lambda: memoryview(bytearray()).cast('d', [0]))
attempt(lambda: memoryview(b'abcd').cast('h')[::-1].cast('B'))
print(memoryview(b'abcd').cast('h')[::-1].tobytes(), memoryview(b'abcd').cast('h')[::-1] == memoryview(b'cdab').cast('h'))
