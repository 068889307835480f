# __iter__ and __next__.
class Range2:
    def __init__(self, stop):
        self.stop = stop
    def __iter__(self):
        return Range2Iter(self.stop)
class Range2Iter:
    def __init__(self, stop):
        self.i = 0
        self.stop = stop
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.stop:
            raise StopIteration
        self.i += 1
        return self.i - 1
r = Range2(3)
print(list(r), list(r), sum(r), [x * y for x in r for y in r])
it = iter(r)
print(next(it), next(it), next(it), next(it, 'end'))
print(dict(zip(r, 'abc')), sorted(r, reverse=True), max(r), 1 in r)
