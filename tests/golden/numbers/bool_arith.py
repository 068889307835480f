# bool is a subclass of int.
print(isinstance(True, int), issubclass(bool, int))
print(True + True + True, True * 10, True / 2, True // 2, -True)
print(sum([True, False, True]), True == 1.0)
print(not 0, not 1, not 0.0, not '', not [], not [0])
print(0 or 5, 3 or 5, 0 and 5, 3 and 5, None or 'x', '' and 'y')
print(bool(0), bool(-1), bool(0.0), bool(1e-300), bool(''), bool(' '))
print(str(True), repr(False), int(True), float(False))
print(True is True, (1 == 1) is True)
