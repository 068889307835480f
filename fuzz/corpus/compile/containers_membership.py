# The in operator across containers.
print(1 in [1, 2], 3 in (1, 2), 'a' in {'a': 1}, 1 in {'a': 1}, 2 in {1, 2})
print('ab' in 'cabd', 5 in range(10), 10 in range(10), [1] in [[1], 2])
print(None in [None], float('nan') in [float('nan')])
n = float('nan')
print(n in [n])
print(1.0 in [1], True in [1])
class Box:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
print(2 in Box([1, 2]), 9 in Box([1]))
