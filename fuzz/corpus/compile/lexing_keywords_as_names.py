# Soft keywords and names close to keywords are ordinary identifiers.
match = 1
case = 2
_ = 3
type = 'shadowed'
print(match, case, _, type)
del type
print(type(1).__name__)
True_ = True
print(True_, None is None, __debug__)
print(max.__name__)
