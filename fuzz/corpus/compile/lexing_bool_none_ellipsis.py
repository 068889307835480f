# The constant keywords.
print(True, False, None, ...)
print(repr(Ellipsis), Ellipsis is ...)
print(True + True, False * 5, True == 1, False == 0)
print(type(True).__name__, type(None).__name__, type(...).__name__)
print(int(True), str(False), bool(None))
