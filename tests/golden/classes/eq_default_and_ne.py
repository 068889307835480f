# __ne__ defaults to the inverse of __eq__; NotImplemented falls back to identity.
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print('A.__eq__')
        return isinstance(other, A) and self.v == other.v
print(A(1) != A(1), A(1) != A(2))
class B:
    def __eq__(self, other):
        return NotImplemented
b = B()
print(b == b, b == B(), b != B())
print(A(1) == 1)
print(1 == A(1))
