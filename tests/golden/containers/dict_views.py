# Dict views.
d = {'a': 1, 'b': 2}
k = d.keys()
v = d.values()
it = d.items()
d['c'] = 3
print(k, v, it)
print(len(k), 'a' in k, 2 in v, ('a', 1) in it, ('a', 2) in it)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}))
print(list(reversed(d.keys())))
try:
    for key in d:
        d['new' + key] = 0
except RuntimeError as e:
    print('RuntimeError', e)
