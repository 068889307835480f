# repr and ascii of builtin objects.
values = [1, -2.5, 'text', "q'", 'é', b'by', None, True, [1, 'a'], (1,), (), {'k': [1]}, {1, 2}, frozenset([3]), range(2, 5), slice(1, 2), Ellipsis, NotImplemented, int, len]
for v in values:
    print(repr(v), ascii(v))
print(repr(set()), repr(frozenset()), repr({}), repr([]))
