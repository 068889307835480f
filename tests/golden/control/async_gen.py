# Async generators: async for over them, __anext__/asend/athrow/aclose,
# await inside, yield inside try/finally and async with, aiter/anext,
# their type and repr, and the errors CPython raises.
import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
            if v == "stop":
                return
    finally:
        print("echo finally, received", received)


async def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("guarded caught", e)
        yield "recovered"
    finally:
        print("guarded finally")


class Res:
    async def __aenter__(self):
        print("res enter")
        return self

    async def __aexit__(self, *a):
        print("res exit", a[0].__name__ if a[0] else None)


async def with_inside():
    async with Res():
        yield "a"
        yield "b"


async def raises_sai():
    yield 1
    raise StopAsyncIteration


async def raises_si():
    yield 1
    raise StopIteration


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"


async def main():
    print([x async for x in ticker(4)])
    g = ticker(2)
    print(type(g).__name__, repr(g).startswith("<async_generator object ticker at 0x"))
    print(g.__aiter__() is g, aiter(g) is g)
    print(await g.__anext__(), await anext(g))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("exhausted")
    print(await anext(g, "default"))

    e = echo()
    print(await e.asend(None))
    print(await e.asend("x"))
    print(await e.asend("y"))
    try:
        await e.asend("stop")
    except StopAsyncIteration:
        print("echo done")

    gd = guarded()
    print(await gd.__anext__())
    print(await gd.athrow(ValueError("thrown")))
    try:
        await gd.__anext__()
    except StopAsyncIteration:
        print("guarded done")

    gd2 = guarded()
    print(await gd2.__anext__())
    await gd2.aclose()
    print("closed; anext again:", await anext(gd2, "nothing"))
    await gd2.aclose()
    print("aclose twice is fine")

    gd3 = guarded()
    await gd3.aclose()
    print("aclose before start: no finally printed")

    w = with_inside()
    async for v in w:
        print("with_inside", v)

    w2 = with_inside()
    print(await anext(w2))
    await w2.aclose()

    for fn in (raises_sai, raises_si):
        ag = fn()
        await anext(ag)
        try:
            await anext(ag)
        except RuntimeError as err:
            print("RuntimeError", err)

    st = stubborn()
    await anext(st)
    try:
        await st.aclose()
    except RuntimeError as err:
        print("RuntimeError", err)

    thrown = ticker(3)
    await anext(thrown)
    try:
        await thrown.athrow(KeyError("k"))
    except KeyError as err:
        print("athrow propagated", err)
    print("after athrow:", await anext(thrown, "gone"))

    aw = ticker(1).__anext__()
    print(await aw)
    try:
        await aw
    except RuntimeError as err:
        print("RuntimeError", err)

    async def concurrent():
        ag = ticker(5)
        first = ag.__anext__()
        it = first.__await__()
        next(it)  # suspended inside ticker's sleep
        try:
            await ag.__anext__()
        except RuntimeError as err:
            print("RuntimeError", err)
        for _ in it:  # finishes the first __anext__()
            pass
        await ag.aclose()

    await concurrent()

    for bad in (lambda: aiter(1), lambda: anext(1), lambda: anext(ticker(1), 1, 2)):
        try:
            bad()
        except TypeError as err:
            print("TypeError", err)

    try:
        for x in ticker(1):
            pass
    except TypeError as err:
        print("TypeError", err)

    class AIt:
        def __init__(self):
            self.n = 0

        def __aiter__(self):
            return self

        async def __anext__(self):
            self.n += 1
            if self.n > 2:
                raise StopAsyncIteration
            return self.n

    it = AIt()
    print(aiter(it) is it, await anext(it), await anext(it), await anext(it, "end"))

    async def gen_with_await_between():
        total = 0
        for i in range(3):
            total += await asyncio.sleep(0, result=i)
            yield total

    print([v async for v in gen_with_await_between()])
    print(ticker.__name__, type(ticker(1).ag_code).__name__, ticker(1).ag_running)


asyncio.run(main())
