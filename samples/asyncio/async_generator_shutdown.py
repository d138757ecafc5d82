# Async generators still suspended when asyncio.run() finishes: dropped
# ones are closed by tasks (which run.cancels), live ones by
# shutdown_asyncgens(); a task created but never awaited still runs its
# first step before being cancelled.
import asyncio

keep = []


async def g(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)
        await asyncio.sleep(0)
        print("finally after await", name)


async def child(n):
    print("child start", n)
    try:
        await asyncio.sleep(1)
    finally:
        print("child finally", n)


async def main():
    a = g("kept")
    keep.append(a)
    print(await a.__anext__())
    b = g("local")
    print(await b.__anext__())
    c = g("dropped")
    print(await anext(c))
    del c
    async for x in g("broken-out"):
        print("loop got", x)
        break
    asyncio.create_task(child(1))
    print("main end")


asyncio.run(main())
print("after run")
