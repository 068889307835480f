# center, ljust, rjust, zfill, expandtabs.
print('[' + 'ab'.center(7) + ']', '[' + 'ab'.center(6, '*') + ']', '[' + 'abc'.center(6) + ']')
print('[' + 'ab'.ljust(5) + ']', '[' + 'ab'.rjust(5, '.') + ']', '[' + 'abcdef'.ljust(3) + ']')
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(6), 'abc'.zfill(5), '12345'.zfill(3))
print('a\tbc\td'.expandtabs(), 'a\tb'.expandtabs(4))
print('é'.center(5, '·'))
try:
    'x'.center(5, 'ab')
except TypeError as e:
    print('TypeError', e)
