# asyncio.TaskGroup (3.11) with asyncio.timeout: results, a failing task
# cancelling its siblings, nesting, and the errors of misuse. (The
# exception group's type is not printed: pyl has a stand-in for it.)
import asyncio


async def work(name, delay, log, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        log.append(f"{name} done")
        return name.upper()
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("a", 0.01, log))
        t2 = tg.create_task(work("b", 0.02, log))
        print("inside, tasks running:", not t1.done(), not t2.done())
    print("results", t1.result(), t2.result(), log)

    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("slow", 10, log))
            tg.create_task(work("bad", 0.01, log, fail=True))
            tg.create_task(work("slow2", 10, log))
    except BaseException as eg:
        print("group:", str(eg), [f"{type(e).__name__}: {e}" for e in eg.exceptions])
    print(sorted(log))

    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("x", 10, log))
            raise KeyError("body")
    except BaseException as eg:
        print("body error:", str(eg), [repr(e) for e in eg.exceptions])
    print(log)

    log = []
    try:
        async with asyncio.timeout(0.02):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(work("t1", 10, log))
                tg.create_task(work("t2", 10, log))
    except TimeoutError:
        print("timeout cancelled the group:", sorted(log))

    async with asyncio.TaskGroup() as outer:
        async def inner_group():
            async with asyncio.TaskGroup() as inner:
                a = inner.create_task(work("i1", 0, []))
                b = inner.create_task(work("i2", 0, []))
            return a.result() + b.result()

        t = outer.create_task(inner_group())
    print("nested", t.result())

    tg = asyncio.TaskGroup()
    coro = work("never", 0, [])
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError", e)
    coro.close()
    async with tg:
        pass
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("RuntimeError", e)


asyncio.run(main())
