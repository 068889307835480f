# asyncio.Queue: producers and consumers, maxsize, nowait errors, join.
import asyncio


async def producer(q, n, tag):
    for i in range(n):
        await q.put((tag, i))
        print("put", tag, i, q.qsize())
    await q.put(None)


async def consumer(q, name):
    got = []
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        print(name, "got", item)
        got.append(item)
    return got


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), q.qsize())
    r = await asyncio.gather(producer(q, 5, "p"), consumer(q, "c"))
    print(r[1])
    q2 = asyncio.Queue()
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q3 = asyncio.Queue(1)
    q3.put_nowait("x")
    print(q3.full())
    try:
        q3.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q3.get_nowait())
    try:
        q3.task_done()
        q3.task_done()
    except ValueError as e:
        print("ValueError:", e)
    jq = asyncio.Queue()
    for i in range(4):
        jq.put_nowait(i)

    async def worker(name):
        while True:
            item = await jq.get()
            await asyncio.sleep(0)
            print(name, "did", item)
            jq.task_done()

    workers = [asyncio.create_task(worker("w%d" % i)) for i in range(2)]
    await jq.join()
    print("joined", jq.empty())
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(x).__name__ for x in res])
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for v in [3, 1, 2]:
        lq.put_nowait(v)
        pq.put_nowait(v)
    print([lq.get_nowait() for _ in range(3)], [pq.get_nowait() for _ in range(3)])
    waiters = asyncio.Queue()

    async def getter(i):
        v = await waiters.get()
        print("getter", i, "received", v)

    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    for v in "abc":
        waiters.put_nowait(v)
    await asyncio.gather(*gs)


asyncio.run(main())
