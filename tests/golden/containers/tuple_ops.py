# Tuples.
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t[::-1], len(t))
print((1,), (), tuple(), tuple('ab'), tuple([1, 2]))
print(t + (4,), t * 2, 2 in t, t.index(2), t.count(3))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0))
a, b, c = t
print(a, b, c)
x = 1, 2
print(x, type(x).__name__)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError', e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'pair'}[(1, 2)])
print(repr((1,)), repr(((),)), str(('a', "b'")))
