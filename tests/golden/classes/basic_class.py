# Class definition, instances, methods.
class Dog:
    species = 'canis'
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def speak(self):
        return f'{self.name} says woof'
    def birthday(self):
        self.age += 1
        return self
d = Dog('Rex', 3)
print(d.name, d.age, d.species, Dog.species)
print(d.speak(), Dog.speak(d))
print(d.birthday().birthday().age)
print(type(d).__name__, type(d) is Dog, isinstance(d, Dog), isinstance(d, object))
print(Dog.__name__, Dog.__qualname__, Dog.__module__)
m = d.speak
print(m())
