# Coroutines driven by hand: async def, await, send/throw/close, errors.
import asyncio


async def double(x):
    return x * 2


async def chain():
    a = await double(3)
    b = await double(a)
    return a + b


c = chain()
print(type(c).__name__)
print(repr(c).startswith("<coroutine object chain at 0x"))
print(asyncio.iscoroutine(c), asyncio.iscoroutine(1))
print(asyncio.iscoroutinefunction(chain), asyncio.iscoroutinefunction(len))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


class Ticks:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        total = 0
        for i in range(self.n):
            got = yield ("tick", i)
            total += got
        return total


async def use_ticks():
    t = await Ticks(3)
    return t * 10


c = use_ticks()
print(c.send(None))
print(c.send(1))
print(c.send(2))
try:
    c.send(3)
except StopIteration as e:
    print("total", e.value)


async def not_awaitable():
    await 5


try:
    not_awaitable().send(None)
except TypeError as e:
    print("TypeError:", e)


async def await_list():
    await [1, 2]


try:
    await_list().send(None)
except TypeError as e:
    print("TypeError:", e)


class BadAwait:
    def __await__(self):
        return 7


async def use_bad():
    await BadAwait()


try:
    use_bad().send(None)
except TypeError as e:
    print("TypeError:", e)


async def catcher():
    try:
        await Ticks(5)
    except KeyError as e:
        print("caught", repr(e))
        return "recovered"


c = catcher()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("throw result", e.value)

c = catcher()
c.send(None)
c.close()
print("closed")
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def nested(n):
    if n == 0:
        return 0
    return n + await nested(n - 1)


c = nested(50)
try:
    c.send(None)
except StopIteration as e:
    print("nested", e.value)


async def pow_await():
    return await double(2) ** 2


c = pow_await()
try:
    c.send(None)
except StopIteration as e:
    print("pow", e.value)


class Box:
    async def get(self, k):
        return {"k": k}


c = Box().get(5)
print(repr(c).startswith("<coroutine object Box.get at"))
try:
    c.send(None)
except StopIteration as e:
    print("method", e.value)
print(asyncio.run(chain()))
