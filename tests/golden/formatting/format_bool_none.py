# Formatting bools and None.
print('%s %s %s' % (True, False, None))
print('%d %d' % (True, False))
print('{} {} {}'.format(True, False, None))
print(f'{True} {False:d} {True:>6} {True:5}|')
print(format(False, 'x'))
