# Type conversion builtins.
print(int('12'), float('1.5'), str(12), bool('x'), list('ab'), tuple([1]), set([1, 1]), dict(a=1))
print(int(7.9), int(-7.9), int('  12\n'), float(' 2 '), str(1.0), str(None))
print(list({'a': 1, 'b': 2}), list({'a': 1}.items()), tuple('xyz'))
print(bytes('hi', 'ascii'), bytearray(b'x'), list(b'hi'))
print(bool(), int(), float(), str(), list(), tuple(), dict(), set(), frozenset())
print(int(True), float(True), str(True), int('-0'), float('-0'))
print(type(int).__name__, int, str, list)
