# PEP 479: StopIteration leaving a generator driven by a for loop.
def items():
    yield 1
    raise StopIteration("early")


for x in items():
    print(x)
