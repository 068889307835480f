# str.format with attribute and item access.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(3, 4)
print('({0.x}, {0.y})'.format(p))
print('{p.x}-{p.y}'.format(p=p))
data = {'a': [10, 20, 30], 'b': {'c': 'deep'}}
print('{0[a][1]} {0[b][c]}'.format(data))
print('{d[a]}'.format(d=data))
print('{0[0]}{0[2]}'.format('xyz'))
print('{0.real} {0.imag}'.format(5))
