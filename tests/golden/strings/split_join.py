# split, rsplit and join.
s = 'a,b,,c'
print(s.split(','), s.split(',', 1), s.rsplit(',', 1), s.rsplit(','))
print('  a  b \t c\n'.split(), '  a  b  '.split(None, 1), '  a  b  '.rsplit(None, 1))
print(''.split(), ''.split(','), 'abc'.split('abc'))
print('a::b::c'.split('::'), 'x'.split('x'))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('xyz'))
print(' '.join(str(i) for i in range(5)))
print('1 2 3'.split(maxsplit=1), '1 2 3'.rsplit(maxsplit=1))
try:
    'a'.split('')
except ValueError as e:
    print('ValueError', e)
try:
    '-'.join([1, 2])
except TypeError as e:
    print('TypeError', e)
