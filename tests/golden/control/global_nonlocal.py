# global and nonlocal declarations.
counter = 0
def increment():
    global counter
    counter += 1
increment(); increment()
print(counter)
def define_global():
    global created
    created = 'made inside'
define_global()
print(created)
def outer():
    x = 'outer'
    def inner():
        nonlocal x
        x = 'changed by inner'
    inner()
    return x
print(outer())
def make_counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
c = make_counter()
print(c(), c(), c())
def shadow():
    counter = 'local'
    return counter
print(shadow(), counter)
def deep():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
        inner()
    mid()
    return a
print(deep())
