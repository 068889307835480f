# dict methods; iteration follows insertion order.
d = {'b': 2, 'a': 1}
d['c'] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('z'), d.get('z', 0), d['b'])
print(d.setdefault('a', 100), d.setdefault('e', 5), d)
print(d.pop('b'), d.pop('zz', 'dflt'), d)
print(d.popitem(), d)
d.update({'x': 9}, y=10)
d.update([('z', 26)])
print(d)
e = d.copy(); e['new'] = 1
print(len(d), len(e), 'new' in d, 'new' in e)
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0))
d.clear(); print(d)
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
print(dict(a=1, b=2), dict([(1, 2)]), dict({'k': 'v'}, k2='v2'), dict(zip('ab', [1, 2])))
