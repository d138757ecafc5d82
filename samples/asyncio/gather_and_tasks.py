import asyncio

async def worker(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} done after {delay}")
    return name.upper()

async def chatty(n):
    for i in range(n):
        print("chatty", i)
        await asyncio.sleep(0)
    return n

async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("task failed")

async def main():
    t1 = asyncio.create_task(worker("a", 0.03))
    t2 = asyncio.create_task(worker("b", 0.01))
    t3 = asyncio.create_task(worker("c", 0.02))
    print("tasks created")
    results = await asyncio.gather(t1, t2, t3, chatty(3))
    print(results)
    r = await asyncio.gather(failing(), worker("d", 0.02), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(failing(), chatty(2))
    except ValueError as e:
        print("gather raised", e)
    x = await worker("direct", 0)
    print(x)
    return "main done"

print(asyncio.run(main()))
