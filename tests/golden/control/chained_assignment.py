# Chained and multiple-target assignment.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 5
x += 1
print(x, y)
i, lst = 0, [10, 20]
i, lst[i] = 1, 99
print(i, lst)
d = {}
d['a'] = d['b'] = 0
print(d)
p = q = r = 'same'
print(p is q is r)
