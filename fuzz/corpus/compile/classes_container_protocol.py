# __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__.
class Registry:
    def __init__(self):
        self._data = {}
    def __len__(self):
        return len(self._data)
    def __getitem__(self, key):
        print('get', key)
        return self._data[key]
    def __setitem__(self, key, value):
        print('set', key, value)
        self._data[key] = value
    def __delitem__(self, key):
        print('del', key)
        del self._data[key]
    def __contains__(self, key):
        return key in self._data
    def __iter__(self):
        return iter(sorted(self._data))
r = Registry()
r['b'] = 2
r['a'] = 1
print(len(r), r['a'], 'a' in r, 'z' in r, list(r))
del r['a']
print(len(r), bool(r))
try:
    r['missing']
except KeyError as e:
    print('KeyError', e)
r['b'] += 10
print(r['b'])
class Seq:
    def __getitem__(self, i):
        if isinstance(i, slice):
            return 'slice %s %s %s' % (i.start, i.stop, i.step)
        if i > 2:
            raise IndexError(i)
        return i * 100
s = Seq()
print(s[1], s[1:5], s[::2], list(s), 200 in s)
