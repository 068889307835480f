# Lone surrogate code points are valid str characters in CPython.
s = chr(0xD800)
print(len(s), repr(s), ord(s), hex(ord(chr(0xDFFF))))
print(repr('\ud83d'), len('a\udc00b'))
try:
    s.encode('utf-8')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
