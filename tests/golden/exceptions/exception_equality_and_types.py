# Exceptions are ordinary objects.
e1 = ValueError('a')
e2 = ValueError('a')
print(e1 == e2, e1 == e1, e1.args == e2.args)
errs = [ValueError('v'), TypeError('t'), KeyError('k')]
print([type(x).__name__ for x in errs], [str(x) for x in errs])
print(isinstance(e1, Exception), type(e1) is ValueError, ValueError.__name__)
print(ValueError.__bases__[0].__name__, BaseException.__bases__[0].__name__)
cls = KeyError
try:
    raise cls('dynamic')
except LookupError as e:
    print(repr(e))
