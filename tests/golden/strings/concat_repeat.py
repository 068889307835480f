# Concatenation, repetition, membership, comparison.
a = 'foo'
b = 'bar'
print(a + b, a * 3, 3 * b, a * 0, a * -1, repr(''.join([a] * 2)))
print('oo' in a, 'x' in a, '' in a, 'x' not in a)
print(a < b, a == 'foo', a != b, 'Z' < 'a', 'abc' < 'abcd', 'é' > 'z')
s = ''
for ch in 'xyz':
    s += ch
print(s)
print(max('hello'), min('hello'), sorted('banana'))
