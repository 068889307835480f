# dir()/locals() in functions, exec in class bodies, global in exec, and
# a SyntaxError from eval's text.
def f():
    a = 1
    b = 2
    print(dir())
    del b
    print(sorted(locals()))
f()
def g():
    x = 1
    l1 = locals()
    x = 2
    l2 = locals()
    print(l1 is l2, l1['x'])
g()
class K:
    exec('z = 9')
    names = eval('dir()')
print(K.z, 'z' in K.names)
print(eval('len("abc")', {}))
print(eval(b'1 + 1'))
exec('import math\nprint(math.floor(2.5))')
exec("for i in range(3):\n    pass\nprint(i)")
print(i)
def h():
    exec('global gx\ngx = 5')
h()
print(gx)
print(eval('[x for x in range(3)]'))
try:
    exec('return 1')
except SyntaxError as e:
    print(e.msg)
try:
    eval('import os')
except SyntaxError as e:
    print(e.msg)
eval('1 +\n2')
