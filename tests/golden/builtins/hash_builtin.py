# hash of ints is the value (for small ints); equal objects hash equally.
print([hash(i) for i in range(-3, 5)])
print(hash(-1) == -2, hash(1.0) == hash(1), hash(True) == hash(1))
print(hash('abc') == hash('ab' + 'c'), hash((1, 'a')) == hash((1, 'a')))
print(hash(()) == hash(()), hash(frozenset({1})) == hash(frozenset([1])))
print(hash(None) == hash(None), type(hash('x')).__name__)
for v in [[], {}, set()]:
    try:
        hash(v)
    except TypeError as e:
        print('TypeError', e)
