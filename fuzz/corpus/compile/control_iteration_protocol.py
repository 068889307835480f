# for loops use __iter__ / __next__ and stop at StopIteration.
class CountDown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
for v in CountDown(3):
    print(v)
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
for v in OldStyle():
    print('old', v)
print(list(CountDown(4)), list(OldStyle()))
it = iter([1, 2])
for v in it:
    print('first pass', v)
for v in it:
    print('never')
print('exhausted')
