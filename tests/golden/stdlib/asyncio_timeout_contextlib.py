# asyncio.timeout / timeout_at (3.11) and contextlib's async helpers:
# asynccontextmanager, AsyncExitStack, aclosing.
import asyncio
import contextlib


async def slow(log, name):
    try:
        await asyncio.sleep(10)
        log.append(f"{name} finished")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def timeouts():
    log = []
    try:
        async with asyncio.timeout(0.01) as cm:
            await slow(log, "a")
    except TimeoutError as e:
        print("TimeoutError", type(e).__name__, e.__cause__ is not None)
    print(log, "expired:", cm.expired())

    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(0)
    print("in time, expired:", cm.expired())

    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0)
    print("no deadline:", cm.when())

    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout_at expired")

    # Rescheduling: push the deadline out, then back in.
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(10)
    except TimeoutError:
        print("rescheduled timeout expired")

    # Already past: expires at the first await.
    try:
        async with asyncio.timeout(-1):
            print("body runs")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline expired")

    # Other exceptions go through untouched.
    try:
        async with asyncio.timeout(5):
            raise KeyError("inner")
    except KeyError as e:
        print("KeyError", e)

    # Nested: the inner one expires, the outer goes on.
    async with asyncio.timeout(5) as outer:
        try:
            async with asyncio.timeout(0.01) as inner:
                await asyncio.sleep(10)
        except TimeoutError:
            print("inner expired:", inner.expired(), "outer expired:", outer.expired())

    # A cancellation from elsewhere is not turned into TimeoutError.
    async def cancelled_from_outside():
        async with asyncio.timeout(5):
            await asyncio.sleep(10)

    t = asyncio.create_task(cancelled_from_outside())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outside cancel stays CancelledError")

    cm = asyncio.timeout(1)
    try:
        cm.reschedule(2)
    except (AssertionError, RuntimeError) as e:
        print("reschedule before entering:", type(e).__name__)


@contextlib.asynccontextmanager
async def resource(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    except ValueError as e:
        log.append(f"{name} handled {e}")
    finally:
        log.append(f"close {name}")


@contextlib.asynccontextmanager
async def no_yield():
    if False:
        yield


@contextlib.asynccontextmanager
async def two_yields():
    yield 1
    yield 2


async def context_helpers():
    log = []
    async with resource("r1", log) as v:
        log.append(f"using {v}")
    async with resource("r2", log):
        raise ValueError("suppressed by the generator")
    try:
        async with resource("r3", log):
            raise KeyError("not handled")
    except KeyError:
        log.append("KeyError escaped")
    print(log)

    for cm in (no_yield(), two_yields()):
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print("RuntimeError", e)

    @resource("deco", log)
    async def decorated():
        return "decorated result"

    log.clear()
    print(await decorated(), log)

    log.clear()
    async with contextlib.AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource("s1", log))
        b = stack.enter_context(contextlib.nullcontext("sync"))
        stack.callback(log.append, "sync callback")

        async def acb(msg):
            log.append(msg)

        stack.push_async_callback(acb, "async callback")
        log.append(f"body {a} {b}")
    print(log)

    log.clear()
    try:
        async with contextlib.AsyncExitStack() as stack:
            await stack.enter_async_context(resource("e1", log))
            raise ValueError("through the stack")
    except ValueError:
        log.append("not reached: e1 handles it")
    print(log)

    try:
        async with contextlib.AsyncExitStack() as stack:
            print(await stack.enter_async_context(contextlib.nullcontext("async null")))
            await stack.enter_async_context(contextlib.closing(None))
    except TypeError as e:
        print("TypeError", e)

    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print("agen closed by aclosing")

    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            print("aclosing item", v)
            break


async def main():
    await timeouts()
    await context_helpers()


asyncio.run(main())
