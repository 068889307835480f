# Numeric builtins.
print(abs(-3), abs(3.5), abs(-0.0), abs(True))
print(round(2.5), round(3.5), round(-2.5), round(2.567, 2), round(12345, -2), round(0.5 + 1e-9))
print(divmod(9, 4), divmod(-9, 4), divmod(9.0, 4), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2, -2), pow(5, 3, 7), pow(2.0, 0.5))
class Absable:
    def __abs__(self):
        return 'abs called'
class Roundable:
    def __round__(self, n=None):
        return f'round({n})'
print(abs(Absable()), round(Roundable()), round(Roundable(), 2))
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError', e)
