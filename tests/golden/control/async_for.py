# async for: __aiter__/__anext__, StopAsyncIteration, else, break/continue,
# nesting, exceptions from __anext__ and the body, and the TypeErrors.
import asyncio


class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Failing:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("anext failed")


class FutureNext:
    """__anext__ returning a plain awaitable (not a coroutine)."""

    def __init__(self):
        self.items = ["x", "y"]

    def __aiter__(self):
        return self

    def __anext__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        if self.items:
            fut.set_result(self.items.pop(0))
        else:
            fut.set_exception(StopAsyncIteration())
        return fut


class BadAiter:
    def __aiter__(self):
        return 5


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def main():
    out = []
    async for x in Counter(3):
        out.append(x)
    print("plain", out)

    async for x in Counter(0):
        print("never")
    else:
        print("else on empty")

    async for x in Counter(5):
        if x == 2:
            continue
        if x == 4:
            break
        print("item", x)
    else:
        print("not reached")

    pairs = []
    async for a in Counter(2):
        async for b in Counter(2):
            pairs.append((a, b))
    print("nested", pairs)

    a, b = None, None
    async for a, b in Pairs():
        print("unpacked", a, b)

    try:
        async for x in Failing():
            pass
    except ValueError as e:
        print("ValueError", e)

    try:
        async for x in Counter(3):
            if x == 2:
                raise KeyError(x)
    except KeyError as e:
        print("body raised", e)

    got = []
    async for v in FutureNext():
        got.append(v)
    print("futures", got)

    for obj in (1, BadAiter(), BadAnext(), [1, 2]):
        try:
            async for x in obj:
                pass
        except TypeError as e:
            print("TypeError", e)

    async def find(n):
        async for x in Counter(10):
            if x == n:
                return f"found {x}"
        return "missing"

    print(await find(4), await find(11))

    # The loop variable keeps its last value; the iterator is gone.
    async for last in Counter(3):
        pass
    print("last", last)


class Pairs:
    def __init__(self):
        self.data = [(1, "one"), (2, "two")]

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.data:
            raise StopAsyncIteration
        return self.data.pop(0)


asyncio.run(main())
