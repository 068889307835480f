# yield from delegates and returns the subgenerator's value.
def inner():
    yield 1
    yield 2
    return 'inner done'
def outer():
    result = yield from inner()
    print('inner returned', result)
    yield 3
print(list(outer()))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], 'ab', range(2))))
def echo():
    while True:
        received = yield
        print('echo got', received)
def delegator():
    yield from echo()
d = delegator()
next(d)
d.send('hello')
d.send('world')
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, 4]], [[5]]])))
