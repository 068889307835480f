# asyncio.to_thread: blocking functions run in worker threads while the
# event loop goes on; results, exceptions and arguments come back.
import asyncio
import threading
import time


def blocking(n, *, scale=1):
    time.sleep(0.01)
    return n * scale, threading.current_thread() is not threading.main_thread()


def fails(msg):
    raise ValueError(msg)


def wait_for_event(ev):
    # Blocks a worker until the loop's side sets it.
    return ev.wait(5)


async def ticker(log):
    for i in range(3):
        log.append(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    value, in_worker = await asyncio.to_thread(blocking, 21, scale=2)
    print("result", value, "ran in a worker:", in_worker)

    try:
        await asyncio.to_thread(fails, "from the worker")
    except ValueError as e:
        print("ValueError", e)

    results = await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(5)))
    print("gathered", [r for r, _ in results])

    # The loop keeps running while a worker blocks.
    log = []
    ev = threading.Event()
    waiter = asyncio.create_task(asyncio.to_thread(wait_for_event, ev))
    await ticker(log)
    ev.set()
    print("event seen by worker:", await waiter, log)

    total = 0
    lock = threading.Lock()

    def add(k):
        nonlocal total
        for _ in range(1000):
            with lock:
                total += k

    await asyncio.gather(*(asyncio.to_thread(add, k) for k in (1, 2, 3)))
    print("total", total)

    print("main thread again:", threading.current_thread() is threading.main_thread())


asyncio.run(main())
