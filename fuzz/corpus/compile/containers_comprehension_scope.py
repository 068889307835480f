# Comprehensions have their own scope but see enclosing names.
def make():
    factor = 3
    return [factor * i for i in range(4)]
print(make())
class C:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
print(C.doubled)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
print([y for x in [[1, 2], [3]] for y in x])
total = 0
print([total := total + v for v in range(5)], total)
