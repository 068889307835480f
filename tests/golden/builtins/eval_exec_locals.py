# eval and exec see the caller's locals (a per-frame snapshot, as CPython 3.11's
# f_locals), the mappings they are given, and eval takes one expression.
def f(n):
    return eval('n + 1')
print(f(41))
def g(n):
    exec('m = n * 2')
    return locals().get('m', 'no m')
print(g(4))
def h():
    x = 5
    d = {}
    exec('y = x + 1', globals(), d)
    return d
print(h())
print(eval('1 + 2 # comment'))
print(eval('  3 * 4  '))
print(eval('a + b', {'a': 1}, {'b': 2}))
ns = {}
exec('def k(): return 7\nz = k()', ns)
print(ns['z'], sorted(k for k in ns if k != '__builtins__'))
print('__builtins__' in ns)
loc = {'q': 1}
exec('q += 1\nr = q', {}, loc)
print(loc)
class C:
    v = 3
    w = eval('v * 2')
print(C.w)
try:
    eval('x = 1')
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    eval('')
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    eval('1', {}, 5)
except TypeError as e:
    print('TypeError', e)
try:
    eval('1', 5)
except TypeError as e:
    print('TypeError', e)
def outer():
    a = 10
    def inner():
        return eval('a')
    return inner
try:
    print(outer()())
except NameError as e:
    print('NameError', e)
def comp(n):
    return eval('[n + i for i in range(2)]')
try:
    print(comp(1))
except NameError as e:
    print('NameError', e)
print(eval('(lambda: 5)()'))
x = 100
def glob():
    return eval('x')
print(glob())
print(eval("'''multi\nline'''"))
print(eval('\n\n1\n\n'))
