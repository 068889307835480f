# Conditional expressions, and/or short-circuit.
for n in range(-1, 2):
    print('pos' if n > 0 else 'zero' if n == 0 else 'neg')
def side(tag, value):
    print('evaluated', tag)
    return value
print(side('a', True) or side('b', True))
print(side('c', False) and side('d', True))
print(side('e', 1) if side('cond', False) else side('f', 2))
x = None
print(x or 'default', x and x.missing)
print([] or {} or 0 or 'last')
print(1 and 2 and 3, 1 and 0 and 3)
