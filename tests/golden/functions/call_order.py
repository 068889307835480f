# Arguments are evaluated left to right before the call.
def v(tag):
    print('eval', tag)
    return tag
def f(*args, **kwargs):
    print('call', args, kwargs)
f(v(1), v(2), *[v(4)], k=v(3), **{'z': v(5)})
d = {v('key1'): v('val1'), v('key2'): v('val2')}
print(d)
v('a')[0:1] if False else v('b')
lst = [v('x'), v('y')]
