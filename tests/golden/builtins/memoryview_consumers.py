# Wherever a bytes-like object is accepted, a memoryview is too.
import io
import struct


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


m = memoryview(b'abc')
print(bytes(m), bytearray(m), bytes(m[::-1]), bytes(m[::2]), bytearray(m[1:]))
print(b'x' + m, bytearray(b'x') + m, b''.join([m, m[1:]]), bytearray(b'-').join([m]))
attempt(lambda: m + b'x')
attempt(lambda: m + m)
ba = bytearray(b'a')
ba.extend(memoryview(b'bc'))
ba += memoryview(b'd')
print(ba)
print(b'abc'.startswith(memoryview(b'a')), b'a-b'.split(memoryview(b'-')), b'abcb'.count(memoryview(b'b')))
print(b'abc'.find(memoryview(b'c')), b'abc'.replace(memoryview(b'b'), memoryview(b'B')))
print(memoryview(b'abc') in [b'abc'], b'%s!' % memoryview(b'q'), b'%b' % memoryview(b'r'))
print(str(memoryview(b'abc'), 'utf-8'), str(memoryview('h\u00e9'.encode()), encoding='utf-8'), m.tobytes().decode())
print(str(bytearray(b'xyz'), 'ascii'))
print(int.from_bytes(memoryview(b'\x01\x02'), 'little'), int.from_bytes(memoryview(b'\x01\x02'), 'big'))
print(struct.unpack('3s', m), struct.unpack('<h', memoryview(b'\x01\x02')), struct.unpack_from('<H', memoryview(b'\x01\x02\x03'), 1))
print(list(struct.iter_unpack('<H', memoryview(b'\x01\x02\x03\x04'))), struct.Struct('<I').unpack(memoryview(b'\x01\0\0\0')))
buf = bytearray(6)
struct.pack_into('<I', memoryview(buf), 1, 0x01020304)
print(buf)
attempt(lambda: struct.pack_into('<I', memoryview(b'abcd'), 0, 1))
bio = io.BytesIO()
print(bio.write(memoryview(b"hi")), bio.write(memoryview(b"abcdef")[2:]), bio.getvalue())
print(io.BytesIO(memoryview(b'init')).read())
with open('mv_out.bin', 'wb') as f:
    print(f.write(memoryview(b'file')), f.write(bytearray(b'!')))
with open('mv_out.bin', 'rb') as f:
    print(f.read())
print(bytes.fromhex(memoryview(b'q').hex()), memoryview(b'\xff\x00').hex())
print(list(map(hex, memoryview(b'\x10\x20'))), sorted(memoryview(b'cab')), sum(memoryview(b'\x01\x02')))
print(memoryview(b'b') in b'abc', bytearray(b'bc') in b'abc', memoryview(b'') in b'', memoryview(b'x') in bytearray(b'axb'))
attempt(lambda: [] in b'abc')
attempt(lambda: 353 in b'a')
attempt(lambda: -1 in b'a')
print(97 in b'a', 98 in b'a')
