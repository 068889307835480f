# Properties are inherited and can be overridden.
class Base:
    @property
    def kind(self):
        return 'base'
    @property
    def label(self):
        return 'label:' + self.kind
class Derived(Base):
    @property
    def kind(self):
        return 'derived'
print(Base().label, Derived().label)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return self.computed * 10
l = Lazy()
print(l.value, l.value, l.computed)
