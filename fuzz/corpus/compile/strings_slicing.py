# Slicing with steps and negative indices.
s = 'abcdefghij'
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:-1])
print(s[100:], s[-100:3], s[3:1], s[5:100])
print(s[0], s[-1], s[len(s) - 1])
print(s[slice(1, 4)], s[slice(None, None, 3)])
try:
    s[10]
except IndexError as e:
    print('IndexError', e)
try:
    s[::0]
except ValueError as e:
    print('ValueError', e)
