# getattr/setattr/hasattr/delattr on builtin objects and modules.
import sys
print(getattr('abc', 'upper')(), hasattr([], 'append'), hasattr(1, 'append'))
print(getattr(sys, 'maxsize') == sys.maxsize, getattr(sys, 'nope', 'default'))
try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print('AttributeError', e)
try:
    setattr([], 'append', None)
except AttributeError as e:
    print('AttributeError', e)
class O:
    pass
o = O()
setattr(o, 'dynamic name', 1)
print(getattr(o, 'dynamic name'), vars(o))
try:
    getattr(o, 5)
except TypeError as e:
    print('TypeError', e)
