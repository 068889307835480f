# Cancellation, exceptions through tasks, and an uncaught error in run.
import asyncio


async def forever(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cancelled inside")
        raise
    finally:
        log.append("finally ran")


async def raiser():
    await asyncio.sleep(0)
    raise KeyError("missing")


async def main():
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))
    print(asyncio.TimeoutError is TimeoutError)
    log = []
    t = asyncio.create_task(forever(log))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting cancelled task raised")
    print(t.cancelled(), t.done(), log, t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raised CancelledError")
    t2 = asyncio.create_task(raiser())
    try:
        await t2
    except KeyError as e:
        print("KeyError", e)
    print(type(t2.exception()).__name__)
    t3 = asyncio.create_task(asyncio.sleep(1))
    try:
        t3.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    t3.cancel("stop it")
    try:
        await t3
    except asyncio.CancelledError as e:
        print("cancel message", e.args)
    t4 = asyncio.create_task(asyncio.sleep(0))
    t4.cancel()
    try:
        await t4
    except asyncio.CancelledError:
        print("cancelled before start", t4.cancelled())

    async def swallow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "swallowed"
    t5 = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t5.cancel()
    print(await t5, t5.cancelled())
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(ValueError("on future"))
    try:
        await fut
    except ValueError as e:
        print("future raised", e)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("InvalidStateError on done future")
    await asyncio.sleep(0)
    raise RuntimeError("escaped from main")


asyncio.run(main())
