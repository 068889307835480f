# Converting between numbers and strings.
print(int('10') + 5, str(10) + '5', float('2.5') * 2)
print(chr(65), ord('A'), chr(0x263A), ord('\n'))
print(str(123)[::-1], int(str(123)[::-1]))
print(list(map(int, '1 2 3'.split())))
print(sum(int(d) for d in str(2 ** 100)))
try:
    'a' + 1
except TypeError as e:
    print('TypeError', e)
try:
    1 + 'a'
except TypeError as e:
    print('TypeError', e)
try:
    'a' * 'b'
except TypeError as e:
    print('TypeError', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError', e)
try:
    ord('ab')
except TypeError as e:
    print('TypeError', e)
