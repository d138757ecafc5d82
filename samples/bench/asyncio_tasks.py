# 10,000 concurrent asyncio tasks sleeping on real timers, gathered.
# Which timer fires last depends on how fast the tasks start (a deadline is
# start time + delay), so only order-independent facts and the first
# resumptions (the sleep(0) tasks, which follow creation order) are printed.
import asyncio

async def worker(i, results):
    await asyncio.sleep(0.001 * (i % 10))
    results.append(i % 7)
    await asyncio.sleep(0)
    return i

async def main():
    results = []
    tasks = [asyncio.create_task(worker(i, results)) for i in range(10000)]
    done = await asyncio.gather(*tasks)
    print(len(done), sum(done), sum(results), results[:10], len(results))

for _ in range(8):
    asyncio.run(main())
