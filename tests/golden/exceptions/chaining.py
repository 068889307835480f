# Explicit chaining with raise ... from and implicit chaining via __context__.
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('converted') from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError:
        raise RuntimeError('during handling')
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        raise TypeError('first')
    except TypeError:
        raise ValueError('second') from None
except ValueError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise OSError('no context')
except OSError as e:
    print(e.__cause__, e.__context__)
def nested():
    try:
        raise KeyError('a')
    except KeyError:
        try:
            raise IndexError('b')
        except IndexError:
            raise ValueError('c')
try:
    nested()
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
try:
    raise ValueError('x') from KeyError('y')
except ValueError as e:
    print(repr(e.__cause__))
