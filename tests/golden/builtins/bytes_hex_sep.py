# bytes.hex and bytearray.hex with a separator every bytes_per_sep bytes,
# as memoryview.hex (one shared implementation), and their errors.
for d in (b'', b'\x01', b'\x01\x02\x03\x04\x05', bytearray(b'abcdef')):
    for args in [(), (':',), (b'-',), (':', 2), (':', -2), ('::',), ('é',), (':', 0), (None,)]:
        try:
            print(repr(d.hex(*args)), repr(memoryview(bytes(d)).hex(*args)))
        except Exception as e:
            print(type(e).__name__, e)
print(b'ab'.hex(sep='|', bytes_per_sep=1))
