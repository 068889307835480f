# Indexing counts code points, not bytes.
s = 'añb€c😀d'
print(len(s), len(s.encode('utf-8')))
for i in range(len(s)):
    print(i, s[i], ord(s[i]))
print(s[1:4], s[::-1], s[-2], s[5:])
print(list('日本'), 'z' + s[3] * 3)
print([c for c in 'héé' if c == 'é'])
print(s.find('€'), s.index('😀'))
