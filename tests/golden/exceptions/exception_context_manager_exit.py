# __exit__ receives the exception type, value and a traceback object.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print('type', t.__name__ if t else None)
        print('value', repr(v))
        print('has traceback', tb is not None)
        return True
with Inspect():
    raise ValueError('inspected')
with Inspect():
    pass
