# ImportError and ModuleNotFoundError.
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
try:
    import no_such_module_abc.sub
except ImportError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
