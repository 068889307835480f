# Equality compares contents recursively; identity compares objects.
a = [1, 2, [3]]
b = [1, 2, [3]]
print(a == b, a is b, a[2] == b[2], a[2] is b[2])
print((1, [2]) == (1, [2]), {1: [2]} == {1: [2]}, {1, 2} == {2, 1})
print([1, 2] == (1, 2), [] == (), {} == set())
print([1.0, 2] == [1, 2.0], [float('nan')] == [float('nan')])
x = []
print([x] == [x], (x,) == (x,))
