# __new__ runs before __init__.
class Tracked:
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        instance = super().__new__(cls)
        instance.created = True
        return instance
    def __init__(self, value):
        print('__init__', value)
        self.value = value
t = Tracked(5)
print(t.created, t.value)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never called')
print(NotMine())
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]
print(Cached('a') is Cached('a'), Cached('a') is Cached('b'))
