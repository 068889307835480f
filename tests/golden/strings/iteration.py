# Iterating over strings.
for ch in 'abc':
    print(ch, end=' ')
print()
print(list(enumerate('xy')), list(zip('ab', 'cd')))
print([ord(c) for c in 'AZaz'], ''.join(chr(c) for c in range(65, 70)))
it = iter('hi')
print(next(it), next(it), next(it, 'done'))
print(list(reversed('abc')), sorted('cba', reverse=True))
print({c: i for i, c in enumerate('abc')})
