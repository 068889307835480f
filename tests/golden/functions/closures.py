# Closures capture variables, not values.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1))
def make_multipliers():
    return [lambda x: x * i for i in range(4)]
print([m(2) for m in make_multipliers()])
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get())
def outer():
    v = 'before'
    def show():
        return v
    v = 'after'
    return show
print(outer()())
print(add5.__closure__ is not None, make_adder.__closure__)
