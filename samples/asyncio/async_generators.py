import asyncio


async def ticker(n, delay=0):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            print("  ticker yields", i)
            yield i
        print("  ticker exhausted")
    finally:
        print("  ticker finally")


async def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
            except ValueError as e:
                print("  echo caught", repr(e))
                v = "after-error"
            received.append(v)
            if v == "stop":
                return
    finally:
        print("  echo finally", received)


async def early():
    yield 1
    return
    yield 2


async def square(x):
    await asyncio.sleep(0)
    return x * x


async def main():
    print("async for:")
    async for v in ticker(3):
        print("got", v)

    print("break out of async for:")
    async for v in ticker(5, 0.01):
        if v == 1:
            break
    print("after break")
    await asyncio.sleep(0.02)

    print("manual __anext__:")
    g = ticker(2)
    print(await g.__anext__())
    print(await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")

    print("asend / athrow / aclose:")
    e = echo()
    print(await e.asend(None))
    print(await e.asend("a"))
    print(await e.athrow(ValueError("bad")))
    print(await e.asend("b"))
    await e.aclose()
    await e.aclose()
    try:
        await e.asend("c")
    except StopAsyncIteration:
        print("closed generator: StopAsyncIteration")

    e2 = echo()
    await e2.asend(None)
    try:
        await e2.asend("stop")
    except StopAsyncIteration:
        print("return inside: StopAsyncIteration")

    print([x async for x in early()])
    print("comprehensions:")
    print([x * 10 async for x in ticker(3) if x != 1])
    print({x: await square(x) for x in range(4)})
    print([await square(x) async for x in ticker(2)])
    agen_expr = (x + 100 async for x in ticker(2))
    print(type(agen_expr).__name__)
    print([y async for y in agen_expr])
    squares = (await square(x) for x in [5, 6])
    print([y async for y in squares])
    print(type(ticker(1)).__name__, ticker.__name__)
    print("aiter / anext:")
    it = aiter(ticker(1))
    print(await anext(it))
    print(await anext(it, "default"))

    async def bad_stop():
        raise StopAsyncIteration("inner")
        yield

    try:
        async for _ in bad_stop():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__))


asyncio.run(main())
print("done")
