# Aliasing versus copying.
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
a[0] = 'changed'
a[1].append(4)
print(a, b, c, d)
print(b is a, c is a, c[1] is a[1])
e = {'k': [1]}
f = dict(e)
f['k'].append(2)
f['new'] = 0
print(e, f)
s = {1, 2}
t = s.copy()
t.add(3)
print(s, t)
