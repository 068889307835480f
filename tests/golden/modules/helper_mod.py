"""A helper module imported by several tests."""
print('helper_mod is being imported, __name__ =', __name__)
GREETING = 'hello'
counter = 0
_private = 'hidden'
def greet(name):
    return f'{GREETING}, {name}'
def bump():
    global counter
    counter += 1
    return counter
class Shape:
    sides = 0
    def describe(self):
        return f'{type(self).__name__} with {self.sides} sides'
class Triangle(Shape):
    sides = 3
