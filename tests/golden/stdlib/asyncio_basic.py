# asyncio.run, sleep, create_task and the order tasks interleave in.
import asyncio


async def ticker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name * n


async def sleeper(name, d, log):
    log.append(name + " start")
    await asyncio.sleep(d)
    log.append(name + " end")
    return name.upper()


async def main():
    print("main start")
    t1 = asyncio.create_task(ticker("a", 3))
    t2 = asyncio.create_task(ticker("b", 2))
    print(t1.done(), t2.done())
    print(await t1)
    print(await t2)
    print(t1.done(), t1.result(), t1.cancelled(), t1.exception())
    log = []
    s1 = asyncio.create_task(sleeper("slow", 0.06, log))
    s2 = asyncio.create_task(sleeper("fast", 0.01, log))
    print(await s1, await s2)
    print(log)
    r = await asyncio.sleep(0.01, result="slept")
    print(r)
    print(await asyncio.sleep(0))
    loop = asyncio.get_running_loop()
    print(loop.is_running(), loop is asyncio.get_event_loop())
    order = []
    loop.call_soon(order.append, 1)
    loop.call_soon(order.append, 2)
    loop.call_later(0.01, order.append, 4)
    loop.call_soon(order.append, 3)
    await asyncio.sleep(0.03)
    print(order)
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "fut value")
    print(await fut)
    print(asyncio.current_task() is not None)
    return "main done"


print(asyncio.run(main()))


async def returns_list():
    return [1, 2, 3]

print(asyncio.run(returns_list()))


async def names():
    t = asyncio.create_task(asyncio.sleep(0), name="custom")
    print(t.get_name())
    t.set_name("renamed")
    print(t.get_name())
    await t
    t2 = asyncio.create_task(asyncio.sleep(0))
    print(t2.get_name().startswith("Task-"))
    await t2
    cb = []
    t3 = asyncio.create_task(asyncio.sleep(0, result=9))
    t3.add_done_callback(lambda t: cb.append(t.result()))
    await t3
    await asyncio.sleep(0)
    print(cb)

asyncio.run(names())
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)


async def inner_run():
    c = returns_list()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()

asyncio.run(inner_run())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
