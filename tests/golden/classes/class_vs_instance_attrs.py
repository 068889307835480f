# Class attributes are shared until shadowed by instance attributes.
class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.items.append(Counter.count)
a = Counter()
b = Counter()
print(Counter.count, a.count, b.count, a.items is b.items, Counter.items)
a.count = 100
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
Counter.new_attr = 'added later'
print(b.new_attr)
print(sorted(k for k in vars(a)), sorted(k for k in vars(Counter) if not k.startswith('__')))
