# slice objects.
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step)
print(list(range(10))[s], 'abcdefghij'[s])
print(slice(3), slice(None, 5).indices(10), slice(-3, None).indices(10), slice(None, None, -1).indices(5))
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1], r[1:2], r[::3], r[1:2, 3], r[...])
