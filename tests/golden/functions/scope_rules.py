# LEGB scope resolution.
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        return x
    return inner()
print(outer())
def uses_builtin():
    return len('abc')
print(uses_builtin())
def shadow_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadow_builtin(), len('abc'))
def read_global():
    return x
print(read_global())
def local_only():
    x = 'local'
    return x
print(local_only(), x)
def late_binding():
    return later
later = 'defined after the function'
print(late_binding())
class K:
    attr = 'class attr'
    def method(self):
        try:
            return attr
        except NameError as e:
            return 'NameError: ' + str(e)
print(K().method())
