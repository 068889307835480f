# memoryview over array.array: the array's machine bytes, writes through,
# and the array keeps its size while exported.
import array


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


a = array.array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, len(m), m.nbytes, m.readonly, m.shape, m.strides, m.obj is a)
print(m.tolist(), m[1], m[-1], bytes(m), m.tobytes(), m[1:].tolist(), m[::-1].tolist())
m[0] = 10
print(a)
a[1] = 20
print(m.tolist(), m.cast('B').tolist())
m.cast('B')[8] = 7
print(a, bytes(a) == a.tobytes(), bytearray(a)[:4])
m[1:3] = array.array('i', [5, 6])
print(a)
attempt(lambda: a.append(4))
attempt(lambda: a.extend([4]))
attempt(lambda: a.pop())
attempt(lambda: a.insert(0, 1))
attempt(lambda: a.remove(10))
attempt(lambda: a.frombytes(b'\0\0\0\0'))
a.extend([])
a.byteswap()
print(a)
a.byteswap()
m.release()
a.append(4)
print(a, m.release())
for code, items in [('d', [1.5, -2.0]), ('b', [-1, 2]), ('B', [255]), ('h', [-300]), ('Q', [2 ** 64 - 1]), ('f', [0.5])]:
    v = memoryview(array.array(code, items))
    print(code, v.format, v.itemsize, v.tolist(), v.nbytes, v == array.array(code, items))
u = memoryview(array.array('u', 'ab'))
print(u.format, u.itemsize, u.nbytes)
attempt(lambda: u.tolist())
attempt(lambda: u[0])
attempt(lambda: hash(memoryview(array.array('B', [1])).toreadonly()))
