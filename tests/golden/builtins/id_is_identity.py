# id() is stable for an object and distinct for live objects; values are not printed.
a = [1]
b = [1]
print(id(a) == id(a), id(a) != id(b), type(id(a)).__name__)
print(a is a, a is not b, None is None)
x = 'same'
y = x
print(id(x) == id(y))
