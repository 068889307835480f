# del on names, items, slices and attributes.
x = 1
del x
try:
    print(x)
except NameError as e:
    print('NameError', e)
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError', e)
class O:
    pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, 'attr'))
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
