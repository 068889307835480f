# __getattr__ is consulted only for missing attributes; __setattr__ and __delattr__ intercept.
class Dynamic:
    existing = 'real'
    def __getattr__(self, name):
        if name.startswith('auto_'):
            return name[5:]
        raise AttributeError(f'no attribute {name!r}')
d = Dynamic()
print(d.existing, d.auto_hello, getattr(d, 'auto_x'), hasattr(d, 'other'))
try:
    d.other
except AttributeError as e:
    print('AttributeError', e)
class Logged:
    def __setattr__(self, name, value):
        print('setattr', name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('delattr', name)
        super().__delattr__(name)
l = Logged()
l.x = 1
l.x += 1
print(l.x)
del l.x
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1))
class GA:
    def __getattribute__(self, name):
        if name == 'magic':
            return 42
        return object.__getattribute__(self, name)
g = GA()
g.y = 5
print(g.magic, g.y)
