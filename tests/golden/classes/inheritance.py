# Single inheritance and method overriding.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '...'
    def describe(self):
        return f'{self.name}: {self.speak()}'
class Cat(Animal):
    def speak(self):
        return 'meow'
class Lion(Cat):
    def speak(self):
        return super().speak().upper() + '!'
for a in [Animal('generic'), Cat('tom'), Lion('leo')]:
    print(a.describe())
print(issubclass(Lion, Animal), issubclass(Animal, Lion), isinstance(Lion('x'), Cat))
print(Lion.__bases__ == (Cat,), Animal.__bases__ == (object,))
print([c.__name__ for c in Lion.__mro__])
