# Calling an async function without awaiting it makes a coroutine that never
# runs: CPython warns when it is dropped, once per line, and the program goes
# on. A coroutine that is awaited, closed or run as a task does not warn.
import asyncio


async def fetch(n):
    print("fetching", n)
    return n * 2


class Client:
    async def ping(self):
        print("pong")


async def main():
    fetch(1)  # forgotten await: warns here
    for i in range(3):
        fetch(i)  # warns once for this line
    Client().ping()  # a method's coroutine: 'Client.ping'
    unused = fetch(5)
    unused.close()  # closed before it ran: no warning
    task = asyncio.create_task(fetch(6))
    print(await fetch(7), await task)


asyncio.run(main())
print("done")
