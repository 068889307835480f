class A:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    A().foo
except RecursionError as e:
    print('RecursionError', e)
class B:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        return sorted([self.v, other.v], key=lambda x: B(x))[0] is self.v
try:
    sorted([B(1), B(2)])
except RecursionError as e:
    print('RecursionError', e)
