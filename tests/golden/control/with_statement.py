# with statements, multiple items, and exceptions inside.
class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow
with Ctx('a') as v:
    print('body', v)
with Ctx('outer') as o, Ctx('inner') as i:
    print('body', o, i)
with Ctx('swallow', swallow=True):
    raise ValueError('hidden')
print('after swallow')
try:
    with Ctx('propagate'):
        raise KeyError('k')
except KeyError as e:
    print('caught', repr(e))
try:
    with Ctx('one', swallow=True), Ctx('two'):
        1 / 0
except ZeroDivisionError:
    print('not reached')
print('done')
def f():
    with Ctx('in-function'):
        return 'returned'
print(f())
for n in range(3):
    with Ctx(str(n)):
        if n == 1:
            break
with Ctx('no-as'):
    pass
