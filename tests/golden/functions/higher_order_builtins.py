# map/filter/sorted with user functions.
def is_even(n):
    return n % 2 == 0
print(list(filter(is_even, range(10))), list(filter(None, [0, 1, '', 'a', None])))
print(list(map(str, range(3))), list(map(pow, [2, 3], [3, 2])))
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
print(compose(abs, lambda v: v - 10, int)('3'))
