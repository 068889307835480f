# struct: pack/unpack of every code, byte orders, counts, alignment, errors.
import struct

for fmt in ['x', 'c', 'b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'e', 'f', 'd', 's', 'p', 'P',
            '@ci', '=ci', '<ci', '>ci', '!hq', '@hq', '@qh', '@bd', '@?L', '@0i', 'iii', '3s2x4p', '2x3s', '  ', '', 'i h',
            '<5H', '@c3i', '@s', '@bQ', '@e?d']:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('<hHiIlLqQ', -2, 65535, -3, 4000000000, -5, 6, -7, 2 ** 64 - 1))
print(struct.pack('>hHiIlLqQ', -2, 65535, -3, 4000000000, -5, 6, -7, 2 ** 64 - 1))
print(struct.pack('!bB?c', -128, 255, True, b'z'), struct.pack('=?', []), struct.pack('?', 'x'))
print(struct.pack('@bi', 1, 2), struct.pack('@bq', 1, 2), struct.pack('@hd', 1, 2.5), struct.pack('@nNP', -1, 2, 3))
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcdef'), struct.pack('5p', b'ab'), struct.pack('3p', b'abcdef'),
      struct.pack('0s', b'x'), struct.pack('s', bytearray(b'q')), struct.pack('1p', b'abc'))
for code in 'efd':
    for x in [0.0, -0.0, 1.0, -2.5, 0.1, 1e-5, 65504.0, 3.4028234663852886e38, 1e-45, 1e-310, 1 / 3, 5, float('inf'), float('-inf')]:
        try:
            packed = struct.pack('<' + code, x)
            print(code, x, packed, struct.unpack('<' + code, packed)[0], struct.unpack('>' + code, packed[::-1])[0])
        except (OverflowError, struct.error) as e:
            print(code, x, type(e).__name__, e)
print([str(struct.unpack('<' + c, struct.pack('<' + c, float('nan')))[0]) for c in 'efd'], struct.pack('<e', float('nan')))
print(struct.pack('@f', 1e39), struct.pack('<e', 65519.0), struct.pack('<e', 6e-8), struct.pack('<e', 2e-8), struct.pack('>e', 1.5))
data = struct.pack('<ihb3sd?', 7, -8, 9, b'xyz', 1.25, False)
print(data, len(data), struct.unpack('<ihb3sd?', data))
print(struct.unpack('>HH', b'\x01\x02\x03\x04'), struct.unpack('<q', b'\xff' * 8), struct.unpack('<Q', b'\xff' * 8),
      struct.unpack('5p', b'\x03abcd'), struct.unpack('3p', b'\x09ab'), struct.unpack('c2x?', b'a\x00\x00\x05'),
      struct.unpack('@bi', struct.pack('@bi', -1, -2)), struct.unpack('P', struct.pack('P', 12345)))
print(struct.unpack('4B', bytearray(b'\x01\x02\x03\x04')), struct.unpack_from('<h', b'\x00\x01\x02\x03', 1),
      struct.unpack_from('<h', b'\x00\x01\x02\x03', offset=-2), struct.unpack_from('<h', b'\x05\x00'))
buf = bytearray(8)
struct.pack_into('<hh', buf, 2, 1, -1)
struct.pack_into('>b', buf, -1, 5)
print(buf)
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), list(struct.iter_unpack('<h', b'')))
s = struct.Struct('<iH')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), s.unpack_from(b'\x00' * 7, 1),
      struct.Struct(b'>q').format, list(s.iter_unpack(bytes(12))))
class Idx:
    def __index__(self):
        return 7
print(struct.pack('i', Idx()), struct.pack('i', True), struct.pack('d', 3), struct.pack('f', Idx()))
print(struct.error, struct.error.__mro__, issubclass(struct.error, Exception), struct.Struct)

errors = [
    "struct.pack('b', 128)", "struct.pack('b', -129)", "struct.pack('B', -1)", "struct.pack('B', 256)", "struct.pack('h', 2 ** 15)",
    "struct.pack('H', -1)", "struct.pack('H', 2 ** 16)", "struct.pack('i', 2 ** 31)", "struct.pack('<i', -2 ** 31 - 1)",
    "struct.pack('I', -1)", "struct.pack('I', 2 ** 32)", "struct.pack('<l', 2 ** 31)", "struct.pack('<L', 2 ** 32)",
    "struct.pack('l', 2 ** 63)", "struct.pack('q', 2 ** 63)", "struct.pack('Q', -1)", "struct.pack('Q', 2 ** 64)",
    "struct.pack('B', 2 ** 64)", "struct.pack('b', -2 ** 64)", "struct.pack('n', 2 ** 63)", "struct.pack('N', -1)",
    "struct.pack('P', 2 ** 64)", "struct.pack('i', 1.5)", "struct.pack('i', 'x')", "struct.pack('i', None)",
    "struct.pack('d', 'x')", "struct.pack('f', None)", "struct.pack('<f', 1e39)", "struct.pack('e', 1e6)", "struct.pack('<e', 65520.0)",
    "struct.pack('c', b'ab')", "struct.pack('c', 1)", "struct.pack('c', 'a')", "struct.pack('s', 'x')", "struct.pack('p', 1)",
    "struct.pack('x', 1)", "struct.pack('ii', 1)", "struct.pack('ii', 1, 2, 3)", "struct.pack(5)", "struct.pack()",
    "struct.calcsize('<n')", "struct.calcsize('<N')", "struct.calcsize('<P')", "struct.calcsize('z')", "struct.calcsize('3')",
    "struct.calcsize('i 3')", "struct.calcsize('3 i')", "struct.calcsize('100000000000000000000i')", "struct.calcsize('<@i')",
    "struct.unpack('ii', b'123')", "struct.unpack('i', b'12345')", "struct.unpack('i', 'abcd')", "struct.unpack('i', 5)",
    "struct.unpack_from('i', b'123456', 4)", "struct.unpack_from('i', b'123456', 10)", "struct.unpack_from('i', b'123456', -10)",
    "struct.unpack_from('i', b'123456', -2)", "struct.pack_into('i', bytearray(5), 2, 1)", "struct.pack_into('i', bytearray(5), -10, 1)",
    "struct.pack_into('i', bytearray(5), -2, 1)", "struct.pack_into('ii', bytearray(8), 0, 1)",
    "struct.iter_unpack('i', b'12345')", "struct.iter_unpack('', b'12345')", "struct.Struct(5)", "struct.Struct('q').pack(1, 2)",
]
for case in errors:
    try:
        print(case, '->', eval(case))
    except Exception as e:
        print(case, '!!', type(e).__name__ + ':', e)
