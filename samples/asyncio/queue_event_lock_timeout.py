import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
        await asyncio.sleep(0.001)
    await q.put(None)

async def consumer(q, name):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            await q.put(None)
            break
        print(name, "got", item)
        q.task_done()

async def slow():
    await asyncio.sleep(1)
    return "slow"

async def fast():
    await asyncio.sleep(0.01)
    return "fast"

async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "released")

async def locked_section(lock, name, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0.001)
        log.append(name + " out")

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q, "c1"), consumer(q, "c2"))
    print(await asyncio.wait_for(fast(), timeout=0.5))
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except TimeoutError as e:
        print("timed out", type(e).__name__)
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.01)
    ev.set()
    await asyncio.gather(*tasks)
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locked_section(lock, f"t{i}", log) for i in range(3)))
    print(log)
    sem = asyncio.Semaphore(2)
    active = []
    async def limited(i):
        async with sem:
            active.append(i)
            print("active", len(active))
            await asyncio.sleep(0.01)
            active.remove(i)
    await asyncio.gather(*(limited(i) for i in range(4)))
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout block expired")

asyncio.run(main())
