# max asks `item > best` and min `item < best`, as CPython does: the order
# decides which operand's method runs and what a TypeError says.
class OnlyGt:
    def __init__(self, n):
        self.n = n

    def __gt__(self, other):
        print('gt', self.n, other.n)
        return self.n > other.n

    def __repr__(self):
        return 'OnlyGt(%d)' % self.n


for f in (max, min):
    for args in ((1, 'x'), ('x', 1), ([1, 2], (3,))):
        try:
            f(*args)
        except TypeError as e:
            print(f.__name__, args, e)
print(max(OnlyGt(1), OnlyGt(3), OnlyGt(2)))
print(min(OnlyGt(1), OnlyGt(3), OnlyGt(2)))
print(max(float('nan'), 0), max(0, float('nan')), min(float('nan'), 0), min(0, float('nan')))
print(max([3, 1, 2], key=lambda x: -x), min('bca'), max('a', 'b', key=str.upper))
