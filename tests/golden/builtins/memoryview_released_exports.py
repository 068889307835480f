# A released memoryview refuses every use; a bytearray with live views
# cannot change size.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


m = memoryview(b'abc')
m.release()
m.release()
print(repr(m).startswith('<released memory at 0x'), m == m, m == b'abc', m != m)
for name in ['obj', 'nbytes', 'readonly', 'itemsize', 'format', 'ndim', 'shape', 'strides',
             'suboffsets', 'c_contiguous', 'f_contiguous', 'contiguous']:
    attempt(lambda: getattr(m, name))
attempt(lambda: len(m))
attempt(lambda: m[0])
attempt(lambda: m[0:1])
attempt(lambda: hash(m))
attempt(lambda: bytes(m))
attempt(lambda: bytearray(m))
attempt(lambda: m.tobytes())
attempt(lambda: m.tolist())
attempt(lambda: m.hex())
attempt(lambda: m.cast('B'))
attempt(lambda: m.toreadonly())
attempt(lambda: memoryview(m))
attempt(lambda: m.__enter__())
attempt(lambda: 97 in m)
attempt(lambda: b'x' + m)
print(m.__exit__(None, None, None))


def setter():
    w = memoryview(bytearray(b'ab'))
    w.release()
    w[0] = 1


attempt(setter)

with memoryview(b'xyz') as v:
    print(v.tobytes(), v[0])
attempt(lambda: v.tobytes())
x = memoryview(b'ab')
with x as y:
    print(y is x)

b = bytearray(b'abcdef')
m = memoryview(b)
attempt(lambda: b.append(1))
attempt(lambda: b.extend(b'x'))
attempt(lambda: b.extend(b''))
attempt(lambda: b.pop())
attempt(lambda: b.remove(97))
attempt(lambda: b.insert(0, 1))
attempt(lambda: b.clear())


def statement(code):
    def run():
        global b
        exec(code, globals())
        return bytes(b)
    return run


for code in ['del b[0]', 'del b[0:0]', 'del b[::2]', 'b[0:2] = b"xyz"', 'b[0:2] = b"xy"', 'b += b"x"',
             'b += b""', 'b *= 2', 'b *= 1', 'b.reverse()', 'b[::2] = b"123"', 'b[0] = 65']:
    attempt(statement(code))

s = m[1:3]
m.release()
attempt(lambda: b.append(1))
print(s.tobytes())
s.release()
b.append(1)
print(b)

with memoryview(b) as q:
    attempt(lambda: b.append(2))
b.append(2)


def local_view():
    view = memoryview(b)
    return view[0]


print(local_view())
b.append(3)
mm = memoryview(b)
del mm
b.append(4)
c = memoryview(b).cast('B')
attempt(lambda: b.append(5))
del c
b.append(5)
inner = memoryview(b)
outer = memoryview(inner)
inner.release()
attempt(lambda: b.append(6))
print(outer.tolist()[-3:])
outer.release()
b.append(6)
print(b)
