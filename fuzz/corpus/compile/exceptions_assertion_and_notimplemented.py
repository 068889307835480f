# AssertionError, NotImplementedError, RuntimeError raised and caught.
for exc in [AssertionError('a'), NotImplementedError('n'), RuntimeError('r'), LookupError('l'), ArithmeticError('m')]:
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, RuntimeError))
print(NotImplemented, type(NotImplemented).__name__, bool(NotImplementedError))
