# Exceptions raised in handlers, else and finally.
def f():
    try:
        raise ValueError('a')
    except ValueError:
        raise TypeError('b')
try:
    f()
except TypeError as e:
    print('got', e, 'context', e.__context__)
def g():
    try:
        pass
    except Exception:
        pass
    else:
        raise KeyError('from else')
try:
    g()
except KeyError as e:
    print('got', e)
def h():
    try:
        raise ValueError('original')
    finally:
        raise RuntimeError('from finally')
try:
    h()
except RuntimeError as e:
    print('got', e, 'context', repr(e.__context__))
