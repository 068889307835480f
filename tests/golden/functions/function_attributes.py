# __name__, __qualname__, __doc__ and friends.
def documented(a, b=1):
    """Adds things."""
    return a + b
print(documented.__name__, documented.__qualname__, documented.__doc__)
def nodoc():
    pass
print(nodoc.__doc__)
class Outer:
    def method(self):
        """Method doc."""
    class Inner:
        def deep(self):
            pass
print(Outer.method.__name__, Outer.method.__qualname__, Outer.method.__doc__)
print(Outer.Inner.deep.__qualname__, Outer.Inner.__qualname__)
def factory():
    def local():
        pass
    return local
print(factory().__qualname__, factory().__name__)
print((lambda: 0).__name__, (lambda: 0).__qualname__)
print(documented.__module__, documented.__defaults__)
documented.custom = 'attribute'
print(documented.custom)
print(len.__name__, type(documented).__name__, type(len).__name__)
