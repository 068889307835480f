# getattr/setattr/hasattr/delattr/vars/dir/type/isinstance on user objects.
class Base:
    base_attr = 1
class Thing(Base):
    cls_attr = 'c'
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        return 'm'
t = Thing()
print(getattr(t, 'a'), getattr(t, 'zzz', 'default'), hasattr(t, 'method'), hasattr(t, 'nope'))
setattr(t, 'c', 3)
print(t.c, vars(t))
delattr(t, 'a')
print(vars(t), hasattr(t, 'a'))
print([n for n in dir(t) if not n.startswith('__')])
print([n for n in dir(Thing) if not n.startswith('__')])
print(type(t) is Thing, type(t).__name__, type(Thing).__name__, type(type).__name__)
print(isinstance(t, Base), isinstance(t, (int, Base)), issubclass(Thing, (int, str)), issubclass(Thing, object))
print(getattr(t, 'method')(), getattr(Thing, 'cls_attr'))
try:
    getattr(t, 'missing')
except AttributeError as e:
    print('AttributeError', e)
try:
    delattr(t, 'missing')
except AttributeError as e:
    print('AttributeError', e)
print(t.__class__.__name__, t.__dict__, Thing.__dict__['cls_attr'])
print(sorted(k for k in Thing.__dict__ if not k.startswith('__')))
