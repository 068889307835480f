# Bytes literals and their repr.
b = b'hello'
print(b, len(b), b[0], b[-1])
print(b'\x00\xff\n\t\'"')
print(B"abc", b'a' b'b')
print(repr(b"it's"), repr(b'say "x"'), repr(b'both \' and "'))
print(list(b'AZ'))
print(b'\\', b'\x7f\x80')
print(type(b).__name__, b[1:3])
print(bytes([104, 105]), bytes(3))
print(b'abc' == b'abc', b'abc' < b'abd')
