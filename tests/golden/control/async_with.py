# async with: __aenter__/__aexit__ awaited, suppression, errors, nesting,
# break/continue/return through it, exceptions inside __aexit__.
import asyncio


class Mgr:
    def __init__(self, name, suppress=False, log=None):
        self.name = name
        self.suppress = suppress
        self.log = log if log is not None else []

    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append(f"enter {self.name}")
        return self

    async def __aexit__(self, typ, val, tb):
        await asyncio.sleep(0)
        self.log.append(f"exit {self.name} {typ.__name__ if typ else None} {val!r}")
        return self.suppress


class SyncAwaitable:
    """__aenter__ returning a non-coroutine awaitable."""

    def __await__(self):
        yield from ()
        return "from __await__"


class Custom:
    def __aenter__(self):
        return SyncAwaitable()

    def __aexit__(self, *exc):
        return SyncAwaitable()


class NoAexit:
    async def __aenter__(self):
        return 1


class BadEnter:
    def __aenter__(self):
        return 42

    async def __aexit__(self, *a):
        return False


class BadExit:
    async def __aenter__(self):
        return self

    def __aexit__(self, *a):
        return 7


class RaisingExit:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        raise KeyError("from aexit")


async def basic():
    log = []
    async with Mgr("a", log=log) as m:
        log.append(f"body {m.name}")
    print(log)


async def suppressed():
    log = []
    async with Mgr("s", suppress=True, log=log):
        log.append("before")
        raise ValueError("boom")
    log.append("after")
    print(log)


async def not_suppressed():
    log = []
    try:
        async with Mgr("n", log=log):
            raise ValueError("escapes")
    except ValueError as e:
        log.append(f"caught {e}")
    print(log)


async def nested():
    log = []
    async with Mgr("outer", log=log) as a, Mgr("inner", log=log) as b:
        log.append(f"body {a.name} {b.name}")
    print(log)


async def loop_exits():
    log = []
    for i in range(3):
        async with Mgr(f"L{i}", log=log):
            if i == 0:
                continue
            if i == 1:
                log.append("break")
                break
    print(log)


async def returns():
    log = []

    async def inner():
        async with Mgr("r", log=log):
            return "returned"

    print(await inner(), log)


async def custom_awaitables():
    async with Custom() as v:
        print("custom", v)


async def errors():
    for obj in (1, NoAexit(), BadEnter(), BadExit(), RaisingExit()):
        try:
            async with obj:
                print("body ran for", type(obj).__name__)
        except (TypeError, KeyError) as e:
            print(type(e).__name__, e)


async def exit_sees_traceback():
    class Peek:
        async def __aenter__(self):
            return self

        async def __aexit__(self, typ, val, tb):
            print("tb is traceback:", type(tb).__name__, "val:", val)
            return True

    async with Peek():
        1 / 0
    print("after zero division")


async def main():
    await basic()
    await suppressed()
    await not_suppressed()
    await nested()
    await loop_exits()
    await returns()
    await custom_awaitables()
    await errors()
    await exit_sees_traceback()


asyncio.run(main())
