# memoryview: construction, attributes, length, indexing, iteration.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


b = b'hello'
m = memoryview(b)
print(type(m), type(m).__name__, memoryview.__name__, isinstance(m, memoryview))
print(repr(m).startswith('<memory at 0x'), str(m).startswith('<memory at 0x'))
print(m.obj is b, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(len(m), m[0], m[-1], m[1:3].tobytes(), m.tobytes(), m.tolist())
print(list(m), [x for x in m], 104 in m, 200 in m, b'h' in m)
print(bool(m), bool(memoryview(b'')), len(memoryview(b'')))

ba = bytearray(b'abc')
mb = memoryview(ba)
print(mb.obj is ba, mb.readonly, mb.format, mb.tolist())
mm = memoryview(mb)
print(mm.obj is ba, mm.tolist(), mm is mb)
print(memoryview(object=b'xy').tolist())

attempt(lambda: memoryview('str'))
attempt(lambda: memoryview(1))
attempt(lambda: memoryview([1, 2]))
attempt(lambda: memoryview(None))
attempt(lambda: memoryview())
attempt(lambda: memoryview(b'', b''))
attempt(lambda: m[5])
attempt(lambda: m[-6])
attempt(lambda: m[10 ** 30])
attempt(lambda: m['a'])
attempt(lambda: m[1.0])
attempt(lambda: m[...])
attempt(lambda: m[()])
attempt(lambda: m[0, 0])
attempt(lambda: m[0:1, 0])
attempt(lambda: m[0:1, 0:1])
attempt(lambda: m + b'x')
attempt(lambda: m * 2)
attempt(lambda: m < m)
attempt(lambda: m.tolist(1))
attempt(lambda: memoryview.tobytes(b'x'))


class Idx:
    def __index__(self):
        return 1


print(m[Idx()], m[True])
print(m.tobytes('C'), m.tobytes(order='A'), m.tobytes(None))
attempt(lambda: m.tobytes('X'))

print(m.hex(), m.hex(':'), m.hex(':', 2), m.hex(':', -2), m.hex(b'-', 1), m.hex(sep='.', bytes_per_sep=3))
print(memoryview(b'').hex(':'), m.hex(bytes_per_sep=2), m.hex(':', 0))
attempt(lambda: m.hex('::'))
attempt(lambda: m.hex(''))
attempt(lambda: m.hex('\u00e9'))
attempt(lambda: m.hex(3))
print(m[::2 ** 62].tolist(), m[::-2 ** 62].tolist(), m[2 ** 62:].tolist(), m[-2 ** 62::2 ** 61].tolist())
print(memoryview(b'')[::-1].tolist(), memoryview(memoryview(b'abc')[1:]).tolist())
attempt(lambda: memoryview(bytearray())[0])
attempt(lambda: m.hex(':', 2 ** 70))
attempt(lambda: m.hex(':', -2 ** 40))
print(m.hex(':', 10))
attempt(lambda: m.__enter__(1))
import copy
attempt(lambda: copy.copy(m))
attempt(lambda: copy.deepcopy(m))


class Sub(memoryview):
    pass
