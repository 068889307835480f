# Type relationships among numbers.
print(type(1).__name__, type(1.0).__name__, type(True).__name__)
print(isinstance(1, (int, float)), isinstance(1.0, int), isinstance(True, float))
print(int.__name__, float.__name__, bool.__mro__ == (bool, int, object))
print(int('7') + float('0.5'))
print(type(10 // 3).__name__, type(10 / 5).__name__, type(10 % 3.0).__name__)
print(type(-True).__name__, type(abs(False)).__name__)
