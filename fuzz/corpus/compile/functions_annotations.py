# Annotations are allowed and stored.
def f(a: int, b: 'str' = 'x') -> list:
    return [a, b]
print(f(1), f.__annotations__)
x: int = 5
y: list
print(x, 'y' in dir())
class C:
    field: int = 3
    other: str
print(C.field, C.__annotations__)
