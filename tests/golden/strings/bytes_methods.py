# bytes and bytearray methods.
b = b'Hello, World'
print(b.upper(), b.lower(), b.split(b', '), b.replace(b'l', b'L'))
print(b.find(b'o'), b.count(b'l'), b.startswith(b'He'), b.endswith(b'x'))
print(b[0], b[0:5], b[::-1], list(b[:3]))
print(b.hex(), bytes.fromhex('48 69'), b.decode().lower())
print(b'-'.join([b'a', b'b']), b'  x '.strip(), b'a' * 3, b'ab' + b'cd')
ba = bytearray(b'abc')
ba[0] = 65
ba.append(100)
ba.extend(b'ef')
print(ba, len(ba), bytes(ba), ba.decode())
print(b'abc' in b'xabcx', 98 in b'abc', b'abc'.isalpha(), b'123'.isdigit())
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError', e)
