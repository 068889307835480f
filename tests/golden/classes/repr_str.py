# __repr__ and __str__, and how containers use them.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Point({self.x!r}, {self.y!r})'
class Named(Point):
    def __str__(self):
        return f'<{self.x}, {self.y}>'
p = Point(1, 'a')
n = Named(2, 3)
print(p, repr(p), str(p))
print(n, repr(n), [n], (n,), {'k': n})
print(f'{n} {n!r}', '%s %r' % (n, n))
class OnlyStr:
    def __str__(self):
        return 'only str'
o = OnlyStr()
print(o, str([1]) == repr([1]))
print(repr(o).startswith('<__main__.OnlyStr object at 0x'))
