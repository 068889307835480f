# memoryview == compares items as values by format; hashing as bytes.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


m = memoryview(b'ab')
print(m == b'ab', m == bytearray(b'ab'), m != b'ac', b'ab' == m, bytearray(b'ab') == m, m == memoryview(b'ab'))
print(m == 'ab', m == [97, 98], m == 1, m.__eq__(1), m.__eq__(b'ab'), m != 'ab')
print(m == m, m[::-1] == b'ba', m[:1] == b'a', m == b'abc')
print(memoryview(b'\x01\x00') == memoryview(b'\x01\x00\x00\x00').cast('h')[:1])
print(memoryview(b'\x01\x00').cast('h') == memoryview(b'\x01\x00\x00\x00').cast('i'))
print(memoryview(b'\x01\x00').cast('h') == [1])
print(memoryview(b'ab').cast('c') == memoryview(b'ab'), memoryview(b'ab').cast('c') == memoryview(b'ab').cast('c'))
print(memoryview(b'\x01').cast('?') == memoryview(b'\x01'))
print(memoryview(b'\x00\x00\x80?').cast('f') == memoryview(b'\x01\x00\x00\x00').cast('i'))
print(memoryview(b'ab').cast('B', [1, 2]) == memoryview(b'ab').cast('B', [2, 1]))
print(memoryview(bytearray(b'abc')) == memoryview(bytearray(b'abc')))
nan = memoryview(b'\x00\x00\xc0\x7f').cast('f')
print(nan == nan, nan != nan)
print(memoryview(b'\xff').cast('b') == memoryview(b'\xff'), memoryview(b'\xff').cast('b') == memoryview(b'\xff').cast('b'))

print(hash(m) == hash(b'ab'), hash(memoryview(b'abcd')[::2]) == hash(b'ac'), hash(m.cast('c')) == hash(b'ab'))
print(hash(memoryview(b'\xff').cast('b')) == hash(b'\xff'), {m: 1}[b'ab'], b'ab' in {m})
attempt(lambda: hash(memoryview(bytearray(b'a'))))
attempt(lambda: hash(memoryview(bytearray(b'a')).toreadonly()))
attempt(lambda: hash(memoryview(b'ab').cast('h')))
attempt(lambda: {memoryview(bytearray(b'a')): 1})
