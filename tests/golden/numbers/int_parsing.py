# int() from strings and other types, with errors caught.
print(int('42'), int('  -17  '), int('+8'), int('1_000'))
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0))
print(int('z', 36), int('10', 2), int('777', 8))
print(int(3.99), int(-2.5), int(True), int())
print(int('123456789012345678901234567890'))
for s in ['abc', '', '1.5', '1 2', '0x10', '_1', '1__0']:
    try:
        print(int(s))
    except ValueError as e:
        print('ValueError', e)
try:
    int('12', 1)
except ValueError as e:
    print('ValueError', e)
try:
    int(None)
except TypeError as e:
    print('TypeError', e)
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError', e)
