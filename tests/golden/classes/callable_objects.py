# __call__ makes instances callable.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, x, *, extra=0):
        return x * self.factor + extra
double = Multiplier(2)
print(double(5), double(5, extra=1), callable(double), callable(Multiplier))
print(list(map(double, [1, 2, 3])))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
c(); c()
print(c(), c.calls)
try:
    object()()
except TypeError as e:
    print('TypeError', e)
