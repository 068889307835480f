# __enter__ and __exit__ on a user class.
class Resource:
    def __init__(self, name):
        self.name = name
        self.open = False
    def __enter__(self):
        self.open = True
        print('acquire', self.name)
        return self
    def __exit__(self, exc_type, exc_value, traceback):
        self.open = False
        print('release', self.name, exc_type is not None)
        if exc_type is KeyError:
            print('suppressing', repr(exc_value))
            return True
        return False
with Resource('db') as r:
    print('using', r.name, r.open)
print('after', r.open)
with Resource('cache'):
    raise KeyError('gone')
try:
    with Resource('file'):
        raise ValueError('bad')
except ValueError as e:
    print('propagated', e)
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.types)
with Suppress(ZeroDivisionError, IndexError):
    [][1]
print('suppressed IndexError')
