# next() raises StopIteration; a default suppresses it.
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e), e.value)
print(next(it, None), next(iter(''), 'empty'))
class Limited:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration('stop value')
        return self.n
print(list(Limited()))
