# array.array: typed arrays, their range checks, bytes and list methods.
import array
import copy

a = array.array('i', [1, 2, 3])
print(a, repr(array.array('d')), array.array('u', 'hi'), array.array('b', b'ab'))
print(a.itemsize, a.typecode, a.buffer_info()[1], a.tobytes())
print(array.typecodes, array.ArrayType is array.array, type(a), a.__class__.__name__)
for tc in 'bBhHiIlLqQ':
    size = array.array(tc).itemsize
    for v in [2 ** 70, -2 ** 70, 2 ** (size * 8), -1, -2 ** (size * 8), 2 ** (size * 8 - 1) - 1]:
        try:
            print(tc, v, array.array(tc, [v]).tolist())
        except OverflowError as e:
            print(tc, abs(v).bit_length(), e)
for bad in [lambda: array.array('x'), lambda: array.array('i', [1.5]), lambda: a.append('x'),
            lambda: array.array('u', [1]), lambda: array.array('u', ['ab']), lambda: array.array('d', ['x']),
            lambda: array.array('i', 'abc'), lambda: array.array(), lambda: array.array(1),
            lambda: a + array.array('d'), lambda: a.index(9), lambda: a.remove(9),
            lambda: array.array('i').pop(), lambda: a[10], lambda: a.__setitem__(slice(0, 1), [1]),
            lambda: hash(a), lambda: array.array('i').tounicode(), lambda: a.extend(array.array('d', [1.0])),
            lambda: array.array('i').frombytes(b'\x01'), lambda: a.fromlist((1,))]:
    try:
        bad()
    except (TypeError, ValueError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
print(a[1:], a[::-1], a * 2, 2 * a, a + a, a == array.array('i', [1, 2, 3]), a < array.array('i', [1, 3]))
print(a == [1, 2, 3], a != array.array('d', [1.0, 2.0, 3.0]), a == array.array('d', [1.0, 2.0, 3.0]))
b = array.array('B', range(5))
b[1:3] = array.array('B', [9])
print(b, b[-1], len(b), 9 in b, list(reversed(b)))
print(array.array('f', [0.1]), array.array('d', [1, True]), array.array('H', [65535]).tobytes())
c = array.array('i')
c.frombytes(b'\x01\x00\x00\x00\x02\x00\x00\x00')
print(c, array.array('i', b'\x01\x00\x00\x00'))
a = array.array('i', [3, 1, 2])
a.reverse()
print(a, a.count(1), a.index(1), list(a), a.tolist(), 1 in a, len(a))
a.insert(0, 7)
a.extend([8])
a.extend(array.array('i', [9]))
a.fromlist([10])
print(a, a.pop(), a.pop(0), a)
del a[0]
print(a)
a[::2] = array.array('i', [0, 0])
print(a)
a += array.array('i', [5])
a *= 2
print(a)
print(array.array('d', [1.5, 2.5]).tobytes().hex(), copy.copy(a), copy.deepcopy(a) == a)
s = array.array('h', [1, 256])
s.byteswap()
print(s, array.array('u', 'ab').tounicode(), repr(array.array('u')), str(array.array('b', [1])))
u = array.array('u', 'xy')
u.fromunicode('z')
print(u, u.tobytes() == 'xyz'.encode('utf-32-le'))
print(sum(array.array('d', [0.5] * 10)), max(array.array('q', [-5, 7, 3])), sorted(array.array('b', [3, -1, 2])))
