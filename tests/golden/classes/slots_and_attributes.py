# Instance attributes can be added freely; AttributeError messages.
class P:
    pass
p = P()
p.anything = 1
print(p.anything)
try:
    p.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    P.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    (1).missing
except AttributeError as e:
    print('AttributeError', e)
try:
    'x'.nope()
except AttributeError as e:
    print('AttributeError', e)
try:
    object().x = 1
except AttributeError as e:
    print('AttributeError', e)
