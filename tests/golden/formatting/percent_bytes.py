# % formatting of bytes.
print(b'%s-%d' % (b'ab', 5))
print(b'%05.1f|%x|%c' % (2.25, 255, 65))
print(b'%(k)s' % {b'k': b'v'})
