# Nested containers and their reprs.
data = {'list': [1, [2, 3]], 'tuple': (4, (5,)), 'dict': {'inner': {'x': None}}, 'set': {1}}
print(data)
print(data['list'][1][0], data['dict']['inner']['x'])
data['list'][1].append(99)
print(data['list'])
a = [1]
a.append(a)
print(a)
d = {}
d['self'] = d
print(d)
print([[], [[]], ()], [(), ((),)])
print(repr({'k': 'v', 2: [3.0, 'x']}))
