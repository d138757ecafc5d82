import asyncio
from contextlib import asynccontextmanager


async def arrivals(n):
    """Customers arrive one per loop turn; an async generator."""
    for i in range(n):
        await asyncio.sleep(0)
        yield f"c{i}", (i * 7) % 5 + 1


@asynccontextmanager
async def shift(name):
    print(f"[{name}] shift starts")
    try:
        yield
    finally:
        print(f"[{name}] shift ends")


async def producer(queue, n):
    async for customer, work in arrivals(n):
        await queue.put((customer, work))
        print(f"producer: queued {customer} (work {work}), size {queue.qsize()}")
    for _ in range(3):
        await queue.put(None)
    print("producer: done")


async def clerk(name, queue, served):
    async with shift(name):
        while True:
            item = await queue.get()
            try:
                if item is None:
                    return
                customer, work = item
                for _ in range(work):
                    await asyncio.sleep(0)
                served.append((name, customer))
                print(f"{name}: served {customer} after {work} turns")
            finally:
                queue.task_done()


async def impatient(queue):
    try:
        async with asyncio.timeout(0.1):
            await asyncio.Event().wait()
    except TimeoutError:
        print("impatient: gave up waiting")
    try:
        await asyncio.wait_for(queue.join(), timeout=5)
        print("impatient: queue drained")
    except TimeoutError:
        print("impatient: not drained")


async def watchdog():
    try:
        while True:
            await asyncio.sleep(0.005)
    except asyncio.CancelledError:
        print("watchdog: cancelled")
        raise


async def main():
    queue = asyncio.Queue(maxsize=2)
    served = []
    dog = asyncio.create_task(watchdog(), name="watchdog")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue, 8))
        for name in ["ann", "bob", "cy"]:
            tg.create_task(clerk(name, queue, served))
        tg.create_task(impatient(queue))
    dog.cancel()
    await asyncio.sleep(0)
    print("watchdog cancelled:", dog.cancelled())
    tally = {}
    for name, _ in served:
        tally[name] = tally.get(name, 0) + 1
    print("served:", len(served), sorted(tally.items()))

    async def job(i):
        await asyncio.sleep(0.01 * (3 - i))
        return i

    order = [await f for f in asyncio.as_completed([asyncio.create_task(job(i)) for i in range(3)])]
    print("as_completed order:", order)


asyncio.run(main())
