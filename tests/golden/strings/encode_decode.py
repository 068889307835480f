# encode and decode.
s = 'héllo €'
b = s.encode()
print(b, len(b), len(s))
print(b.decode(), b.decode('utf-8') == s)
print('abc'.encode('ascii'), 'é'.encode('latin-1'), b'\xe9'.decode('latin-1'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
print('é'.encode('ascii', 'replace'), 'é'.encode('ascii', 'ignore'))
print(b'\xffabc'.decode('utf-8', 'replace'), b'\xffabc'.decode('utf-8', 'ignore'))
print(bytes('xyz', 'utf-8'), str(b'xyz', 'ascii'))
