# Rich comparison methods.
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))
a, b = Version(1, 2), Version(1, 10)
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == Version(1, 2), a == (1, 2), a != 'x')
print(sorted([Version(2), Version(1, 5), Version(1)]))
print(max([Version(0, 1), Version(0, 9)]), min(Version(3), Version(2)))
class NoOrder:
    pass
try:
    NoOrder() < NoOrder()
except TypeError as e:
    print('TypeError', e)
x = NoOrder()
print(x == x, x != x, NoOrder() == NoOrder())
