# Equal strings hash equally; strings are usable as dict keys.
a = 'hello'
b = ''.join(['hel', 'lo'])
print(a == b, hash(a) == hash(b))
d = {a: 1}
print(d[b], b in d)
print('' == str(), hash('') == hash(str()))
