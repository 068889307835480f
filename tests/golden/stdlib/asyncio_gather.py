# gather: results in order, return_exceptions, failure, wait, as_completed.
import asyncio


async def work(name, d):
    await asyncio.sleep(d)
    print("finished", name)
    return name


async def fail(msg, d=0):
    await asyncio.sleep(d)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(work("a", 0.05), work("b", 0.01), work("c", 0.03)))
    print(await asyncio.gather())
    r = await asyncio.gather(work("x", 0), fail("bad"), return_exceptions=True)
    print([type(v).__name__ for v in r], r[1])
    try:
        await asyncio.gather(work("y", 0.05), fail("boom", 0.01))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.08)
    t = asyncio.create_task(work("t", 0))
    print(await asyncio.gather(t, t))
    done, pending = await asyncio.wait(
        [asyncio.create_task(work("w1", 0.01)), asyncio.create_task(work("w2", 0.1))],
        return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [d.result() for d in done])
    for p in pending:
        p.cancel()
    done, pending = await asyncio.wait(
        [asyncio.create_task(work("w3", 0.01)), asyncio.create_task(work("w4", 0.03))])
    print(len(done), len(pending), sorted(d.result() for d in done))
    for c in asyncio.as_completed([work("e", 0.05), work("f", 0.01), work("g", 0.03)]):
        print("as_completed", await c)
    tasks = [asyncio.create_task(work(str(i), 0.01 * (3 - i))) for i in range(3)]
    print(await asyncio.gather(*tasks))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
