# float() from strings, with errors caught.
print(float('3.5'), float('  -2.25 '), float('1e3'), float('.5'), float('5.'))
print(float('inf'), float('-Infinity'), float('nan'), float('INF'))
print(float('1_000.5'), float(7), float(-0.0), float())
print(float('0x10' if False else '16'))
for s in ['abc', '', '1.2.3', '1e', 'one']:
    try:
        print(float(s))
    except ValueError as e:
        print('ValueError', e)
try:
    float([1])
except TypeError as e:
    print('TypeError', e)
