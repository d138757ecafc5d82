import asyncio, time

def blocking(n):
    time.sleep(0.05)
    return sum(i * i for i in range(n))

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.01)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, blocking, 1000)
    await ticker()
    print("result", await fut)
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, n) for n in (10, 20, 30)))
    print(results)

start = time.perf_counter()
asyncio.run(main())
print("fast enough:", time.perf_counter() - start < 0.5)
