# Building containers from iterators.
names = ['a', 'b', 'c']
print(dict(enumerate(names)), dict(zip(names, range(3))))
print(list(zip(*[(1, 'x'), (2, 'y')])))
print(list(enumerate(names, start=10)))
pairs = [('x', 1), ('y', 2)]
keys, vals = zip(*pairs)
print(keys, vals)
print(list(map(list, zip('ab', 'cd'))))
