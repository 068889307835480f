# str() of various objects.
print(str(), str(1), str(1.5), str(None), str(True), str([1, 'a']), str((1,)), str({'k': 1}))
print(str('x'), str(b'x'), str(-0.0), str(str))
print(repr(str(1)), len(str(12345)))
class C:
    def __str__(self):
        return 'C-str'
print(str(C()), '%s' % C(), f'{C()}')
