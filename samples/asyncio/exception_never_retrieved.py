# A task or future whose exception nobody asks for logs "... exception was
# never retrieved" when it goes away; awaiting it, gather, result() and
# exception() all retrieve it. Only the last line of stderr is compared:
# the future's exception, logged when main() drops it.
import asyncio


async def boom(tag):
    raise ValueError(tag)


async def ok():
    return 1


async def main():
    t1 = asyncio.create_task(boom("awaited"))
    try:
        await t1
    except ValueError as e:
        print("caught", e)
    r = await asyncio.gather(boom("gathered"), ok(), return_exceptions=True)
    print(r)
    t3 = asyncio.create_task(boom("checked"))
    await asyncio.sleep(0)
    print(t3.done(), repr(t3.exception()))
    t4 = asyncio.create_task(ok())
    await t4
    print(t4.result(), t4.done(), t4.cancelled())
    f = asyncio.get_running_loop().create_future()
    f.set_exception(KeyError("never asked"))
    print(f.done())
    del f


asyncio.run(main())
print("after run")
