# wait_for: in time, too late, zero timeout, and a task cancelled by it.
import asyncio


async def slow(log):
    try:
        await asyncio.sleep(1)
        return "slow done"
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise


async def quick():
    await asyncio.sleep(0.01)
    return "quick done"


async def main():
    print(await asyncio.wait_for(quick(), 1))
    print(await asyncio.wait_for(quick(), None))
    log = []
    try:
        await asyncio.wait_for(slow(log), 0.02)
    except asyncio.TimeoutError as e:
        print("timed out", type(e).__name__, repr(str(e)), type(e.__cause__).__name__)
    print(log)
    try:
        await asyncio.wait_for(slow(log), 0)
    except TimeoutError:
        print("zero timeout")
    print(log)
    t = asyncio.create_task(slow(log))
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        print("task timed out", t.cancelled())
    shielded = asyncio.create_task(quick())
    try:
        await asyncio.wait_for(asyncio.shield(shielded), 0.001)
    except TimeoutError:
        print("shield timed out")
    print(await shielded)


asyncio.run(main())


async def top():
    await asyncio.wait_for(asyncio.sleep(1), 0.01)

asyncio.run(top())
