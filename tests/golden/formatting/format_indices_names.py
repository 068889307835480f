# str.format positional, keyword, auto numbering.
print('{}, {}, {}'.format(1, 2, 3))
print('{2}, {1}, {0}'.format('a', 'b', 'c'))
print('{0}{1}{0}'.format('abra', 'cad'))
print('{name} is {age}'.format(name='Bo', age=5))
print('{0} and {x}'.format('pos', x='kw'))
print('{!r} {!s} {!a}'.format('q', 'q', 'é'))
print('{{escaped}} {}'.format('real'))
try:
    '{} {0}'.format(1, 2)
except ValueError as e:
    print('ValueError', e)
try:
    '{5}'.format(1)
except IndexError as e:
    print('IndexError', e)
try:
    '{missing}'.format(x=1)
except KeyError as e:
    print('KeyError', e)
