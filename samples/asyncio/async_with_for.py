import asyncio

class Conn:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("connect", self.name)
        await asyncio.sleep(0.01)
        return self
    async def __aexit__(self, et, e, tb):
        print("disconnect", self.name, et.__name__ if et else None)
        return False

class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i

async def main():
    async with Conn("db") as c:
        print("using", c.name)
    async for t in Ticker(3):
        print("tick", t)
    try:
        async with Conn("x"):
            raise ValueError("oops")
    except ValueError as e:
        print("caught", e)

asyncio.run(main())
