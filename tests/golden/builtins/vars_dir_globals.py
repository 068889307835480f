# vars, dir, globals, locals with deterministic output.
x_global = 1
def f(a, b=2):
    c = 3
    return sorted(locals())
print(f(1))
print('x_global' in globals(), globals()['x_global'], '__name__' in globals())
print(__name__)
class C:
    def __init__(self):
        self.p = 1
        self.q = 2
print(vars(C()), [n for n in dir(C()) if not n.startswith('_')])
print([n for n in dir([]) if not n.startswith('_')])
print([n for n in dir({}) if not n.startswith('_')])
print([n for n in dir('') if not n.startswith('_')][:10])
print(type(globals()).__name__)
