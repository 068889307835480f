# Docstrings of modules, functions and classes.
"""Module docstring."""
def f():
    '''Single-quoted docstring.'''
def g():
    x = 1
    """Not a docstring."""
class C:
    """Class doc."""
    def m(self):
        """Method doc
        spanning lines."""
print(__doc__)
print(f.__doc__)
print(g.__doc__)
print(C.__doc__)
print(C.m.__doc__)
print(C().m.__doc__ == C.m.__doc__)
