# bool(), None, and comparisons with None.
print(bool(0), bool(1), bool([]), bool([0]), bool(None), bool('False'))
print(None == None, None is None, None == 0, None != False)
print(type(None)(), repr(None), str(None))
try:
    None < 1
except TypeError as e:
    print('TypeError', e)
def returns_nothing():
    pass
print(returns_nothing(), returns_nothing() is None)
