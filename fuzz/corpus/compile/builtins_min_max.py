# min and max with key and default.
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max('hello'), min('b', 'a'))
print(max(['apple', 'fig', 'banana'], key=len), min(['apple', 'fig', 'banana'], key=len))
print(max([], default='empty'), min([], default=None), max([1], default=0))
print(max([1, 3, 3, 2], key=lambda v: v % 3), max([(1, 'a'), (1, 'b')]))
print(max({'x': 3, 'y': 5}, key=lambda k: {'x': 3, 'y': 5}[k]))
print(min([2, 1, 1.0]), max([1, 1.0]), max(1, 1.0), min(-0.0, 0))
print(max(range(5), key=lambda v: -v))
for args in [(), ([],), (1,)]:
    try:
        max(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
