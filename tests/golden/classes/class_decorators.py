# Class decorators.
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
def add_greeting(greeting):
    def deco(cls):
        cls.greet = lambda self: f'{greeting}, I am {type(self).__name__}'
        return cls
    return deco
@register
@add_greeting('Hi')
class Robot:
    pass
print(list(registry), Robot().greet())
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, value):
        self.value = value
print(Config(1).value, Config(2).value, Config(3) is Config(4))
