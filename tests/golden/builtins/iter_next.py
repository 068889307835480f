# iter and next, including the two-argument iter.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'default'))
print(iter(it) is it)
d = iter({'a': 1, 'b': 2})
print(list(d))
values = [5, 4, 0, 3]
pos = -1
def read():
    global pos
    pos += 1
    return values[pos]
print(list(iter(read, 0)))
s = iter('hi')
print(type(s).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter(range(1))).__name__)
try:
    next([1])
except TypeError as e:
    print('TypeError', e)
