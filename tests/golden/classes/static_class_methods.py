# staticmethod and classmethod.
class Pizza:
    count = 0
    def __init__(self, toppings):
        self.toppings = toppings
        Pizza.count += 1
    @classmethod
    def margherita(cls):
        return cls(['cheese', 'tomato'])
    @staticmethod
    def area(radius):
        return round(3.14159 * radius ** 2, 2)
    @classmethod
    def how_many(cls):
        return cls.count
p = Pizza.margherita()
print(p.toppings, Pizza.area(2), p.area(1), Pizza.how_many(), p.how_many())
class Special(Pizza):
    pass
s = Special.margherita()
print(type(s).__name__, Special.how_many())
print(type(Pizza.__dict__['area']).__name__, type(Pizza.__dict__['margherita']).__name__)
