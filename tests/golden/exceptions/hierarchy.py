# The built-in exception hierarchy.
def chain(cls):
    return ' > '.join(c.__name__ for c in cls.__mro__)
for cls in [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, NameError,
            UnboundLocalError, AttributeError, StopIteration, RecursionError, FileNotFoundError,
            UnicodeDecodeError, NotImplementedError, OverflowError, AssertionError, KeyboardInterrupt,
            SystemExit, GeneratorExit, ModuleNotFoundError, TimeoutError, PermissionError, StopAsyncIteration]:
    print(chain(cls))
print(issubclass(KeyError, LookupError), issubclass(LookupError, Exception), issubclass(SystemExit, Exception))
print(issubclass(bool, Exception), isinstance(ValueError(), BaseException))
