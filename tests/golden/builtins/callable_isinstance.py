# callable, isinstance, issubclass.
class A: pass
class B(A): pass
print(callable(len), callable(A), callable(A()), callable(lambda: 0), callable('s'), callable(print))
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, (str, int)), isinstance('s', (list, tuple)))
print(issubclass(B, A), issubclass(A, A), issubclass(B, (int, A)), issubclass(int, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)))
print(isinstance(int, type), isinstance(A, type), isinstance(type, object))
try:
    isinstance(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError', e)
