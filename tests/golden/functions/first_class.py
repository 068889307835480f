# Functions are values.
def apply(fn, *args):
    return fn(*args)
def add(a, b):
    return a + b
ops = {'add': add, 'mul': lambda a, b: a * b, 'max': max}
for name, fn in ops.items():
    print(name, apply(fn, 3, 4))
print(list(map(add, [1, 2], [10, 20])))
print(callable(add), callable(3))
funcs = [str.upper, str.lower, len]
print([f('MiXed') for f in funcs])
def returns_function():
    return add
print(returns_function()(1, 2))
