# Async comprehensions (PEP 530): async for in list/set/dict comprehensions
# and generator expressions, await inside them, nesting, conditions, and
# async generator expressions anywhere.
import asyncio


async def agen(n, delay=0):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def double(x):
    await asyncio.sleep(0)
    return x * 2


class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


def sync_genexp_of_async():
    # An async generator expression may stand in a plain function.
    return (x * 10 async for x in agen(3))


async def main():
    print([x async for x in agen(5)])
    print({x % 3 async for x in agen(7)} == {0, 1, 2})
    print({x: x * x async for x in agen(4)})
    print([x async for x in agen(10) if x % 2 if x > 2])
    print([await double(x) for x in range(4)])
    print([await double(x) async for x in agen(3)])
    print({x: await double(x) for x in [1, 2]})
    print([(a, b) async for a in agen(2) for b in range(2)])
    print([(a, b) for a in range(2) async for b in agen(2)])
    print([(a, b) async for a in agen(2) async for b in ARange(a + 1)])
    print([[y async for y in agen(x)] for x in range(3)])
    print([[await double(y) for y in range(x)] async for x in agen(3)])

    g = (x + 1 async for x in agen(3))
    print(type(g).__name__, g.__name__ if hasattr(g, "__name__") else "?")
    print([v async for v in g])

    g2 = (await double(x) for x in range(3))
    print(type(g2).__name__, [v async for v in g2])

    print([v async for v in sync_genexp_of_async()])

    # Comprehension variables do not leak; an enclosing name is untouched.
    x = "outer"
    _ = [x async for x in agen(2)]
    print(x)

    # Exceptions from inside propagate out of the comprehension.
    async def bad():
        yield 1
        raise ValueError("inside")

    try:
        [v async for v in bad()]
    except ValueError as e:
        print("ValueError", e)

    try:
        [v async for v in 5]
    except TypeError as e:
        print("TypeError", e)

    # Closures over the comprehension's variables.
    fs = [lambda: v async for v in agen(3)]
    print([f() for f in fs])

    # The walrus binds in the enclosing function.
    [(last := v) async for v in agen(4)]
    print("last", last)

    total = sum([v async for v in ARange(5)])
    print("sum", total)


asyncio.run(main())
