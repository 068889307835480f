# sys.exc_info inside and outside handlers.
import sys
print(sys.exc_info())
try:
    raise KeyError('x')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None)
print(sys.exc_info())
