# list methods.
a = [3, 1, 2]
a.append(4); print(a)
a.extend([5, 6]); print(a)
a.extend(range(2)); print(a)
a.insert(0, 'first'); a.insert(100, 'last'); a.insert(-1, 'penult'); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(2), a.count(0), [1, 1, 2].count(1))
a.reverse(); print(a)
b = a.copy(); b.append('x'); print(a, b)
a.clear(); print(a, len(a))
try:
    [].pop()
except IndexError as e:
    print('IndexError', e)
try:
    [1].remove(2)
except ValueError as e:
    print('ValueError', e)
try:
    [1].index(2)
except ValueError as e:
    print('ValueError', e)
print([1, 2, 3, 2].index(2, 2))
