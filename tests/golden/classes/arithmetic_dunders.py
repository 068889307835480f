# Arithmetic dunders, reflected and in-place variants.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Vec({self.x}, {self.y})'
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented
    def __radd__(self, other):
        print('radd with', other)
        return self + other
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __iadd__(self, other):
        print('iadd')
        self.x += other.x
        self.y += other.y
        return self
    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2, -a, +a, abs(b), a @ b)
print(a + 1, 1 + a)
print(sum([a, b], Vec(0, 0)))
c = a
c += b
print(c, a, c is a)
try:
    a + 'str'
except TypeError as e:
    print('TypeError', e)
try:
    'str' + a
except TypeError as e:
    print('TypeError', e)
class OnlyAdd:
    def __add__(self, o):
        return 'added'
x = OnlyAdd()
x += 1
print(x)
