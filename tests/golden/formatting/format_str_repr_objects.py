# Formatting user objects via __str__ and __repr__.
class P:
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'a P'
p = P()
print('%s %r' % (p, p))
print('{} {!r} {!s}'.format(p, p, p))
print(f'{p} {p!r} {p!s}')
print(str([p]), repr([p]), f'{[p]}')
class R:
    def __repr__(self):
        return 'R!'
print(str(R()), f'{R()}', '%s' % R())
