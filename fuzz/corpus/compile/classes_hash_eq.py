# __hash__ and __eq__ together; defining __eq__ alone makes instances unhashable.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
d = {Key('a'): 1}
print(d[Key('a')], Key('a') in d, len({Key(1), Key(1), Key(2)}))
class EqOnly:
    def __eq__(self, other):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print('TypeError', e)
print(EqOnly.__hash__)
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p in {p})
