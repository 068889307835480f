# A traceback through generators driven by for loops and yield from.
def source(n):
    for i in range(n):
        yield 10 // (2 - i)


def relay(n):
    yield from source(n)


def consume():
    total = 0
    for x in relay(5):
        total += x
    return total


print(consume())
