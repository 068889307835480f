# __bool__ and __len__ drive truthiness.
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool called')
        return self.v
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Flag(True)), bool(Flag(False)))
print(bool(Sized(0)), bool(Sized(3)), len(Sized(3)))
if Sized(0) or Flag(False):
    print('no')
else:
    print('both false')
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError', e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print('ValueError', e)
