# Insertion order survives updates, deletions and re-insertions.
d = {}
for k in ['zeta', 'alpha', 'mid', 'beta']:
    d[k] = len(k)
print(list(d))
d['alpha'] = 0
print(list(d.items()))
del d['zeta']
d['zeta'] = 9
print(list(d))
print({**d, 'alpha': 'new', 'omega': 1})
print({3: 'c', 1: 'a', 2: 'b'})
print(dict(sorted(d.items())))
d2 = {k: v for k, v in d.items() if v}
print(d2)
print(d == {'zeta': 9, 'beta': 4, 'mid': 3, 'alpha': 0}, list(reversed(d)))
