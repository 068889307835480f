# printf-style formatting with each conversion.
print('%s %r %d %i' % ('str', 'str', 42, -7))
print('%f %e %g %E %G' % (3.14159, 31415.9, 0.0000314, 31415.9, 1e20))
print('%x %X %o %c %c %%' % (255, 255, 8, 65, 'z'))
print('%s' % 'alone', '%s' % (1,), '%s' % [1, 2], '%s' % ((1, 2),))
print('%d' % 3.99, '%i' % True, '%s %s' % (None, True))
print('%r' % 'it\'s', '%a' % 'é')
print('%g %g %g %g' % (100000, 1000000, 1e-5, 123.456))
print('%d%%' % 50)
