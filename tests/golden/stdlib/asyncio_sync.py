# Lock, Event, Semaphore, Condition between tasks (acquire/release by hand).
import asyncio


async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    order = []

    async def critical(name):
        await lock.acquire()
        try:
            order.append(name + " in")
            await asyncio.sleep(0)
            order.append(name + " out")
        finally:
            lock.release()

    await asyncio.gather(critical("a"), critical("b"), critical("c"))
    print(order)
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    ev = asyncio.Event()
    print(ev.is_set())

    async def waiter(i):
        print("waiting", i)
        await ev.wait()
        print("woke", i)
        return i

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    print(await asyncio.gather(*ws), ev.is_set())
    ev.clear()
    print(ev.is_set())
    sem = asyncio.Semaphore(2)
    active = []

    async def limited(i):
        await sem.acquire()
        active.append(i)
        print("active", i, len(active))
        await asyncio.sleep(0.01 * (i + 1))
        active.remove(i)
        sem.release()

    await asyncio.gather(*[limited(i) for i in range(4)])
    print(sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    cond = asyncio.Condition()
    items = []

    async def consumer(i):
        await cond.acquire()
        try:
            await cond.wait_for(lambda: items)
            print("consumer", i, "took", items.pop())
        finally:
            cond.release()

    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0)
    for v in ("x", "y"):
        await cond.acquire()
        items.append(v)
        cond.notify()
        cond.release()
        await asyncio.sleep(0)
    await asyncio.gather(*cs)
    print("done")


asyncio.run(main())
