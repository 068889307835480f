# Subclassing built-in types.
class MyList(list):
    def sum(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.sum(), len(m), isinstance(m, list), type(m).__name__)
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
d = DefaultDict()
d['a'] += 5
print(d, d['zz'])
class Upper(str):
    def shout(self):
        return self.upper() + '!'
u = Upper('hi')
print(u, u.shout(), u + 'x', type(u + 'x').__name__, len(u))
class PositiveInt(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = PositiveInt(-5)
print(p, p + 1, type(p).__name__)
class MyErr(Exception):
    pass
print(MyErr('x'), repr(MyErr('x')))
