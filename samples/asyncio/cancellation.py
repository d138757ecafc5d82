import asyncio


async def sleeper(name, delay):
    me = asyncio.current_task()
    print(f"  {name}: running as {me.get_name()}")
    try:
        await asyncio.sleep(delay)
        print(f"  {name}: woke")
        return "slept"
    except asyncio.CancelledError as e:
        print(f"  {name}: cancelled with args {e.args}, cancelling={me.cancelling()}")
        raise
    finally:
        print(f"  {name}: cleanup")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  stubborn: swallowing the cancellation")
        asyncio.current_task().uncancel()
    await asyncio.sleep(0)
    return "survived"


async def waiter(inner):
    try:
        return await inner
    except asyncio.CancelledError:
        print("  waiter: inner was cancelled")
        return "waiter-handled"


async def main():
    print("cancel a sleeping task:")
    t = asyncio.create_task(sleeper("s1", 1))
    await asyncio.sleep(0)
    print("  cancel() ->", t.cancel("stop now"), "done:", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("  awaiting it raised CancelledError", e.args)
    print("  cancelled:", t.cancelled(), "cancel again ->", t.cancel())

    print("cancel before the first step:")
    t = asyncio.create_task(sleeper("s2", 1))
    t.cancel()
    await asyncio.sleep(0)
    print("  cancelled:", t.cancelled())

    print("task that swallows cancellation:")
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print("  result:", await t, "cancelled:", t.cancelled())

    print("cancelling the awaited inner task:")
    inner = asyncio.create_task(sleeper("inner", 1))
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.01)
    inner.cancel()
    print("  outer result:", await outer)

    print("set_name / wait_for timeout:")
    t = asyncio.create_task(sleeper("s3", 1))
    t.set_name("renamed")
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        print("  wait_for timed out; task cancelled:", t.cancelled(), t.get_name())

    print("cancelling a task blocked in a TaskGroup:")

    async def group_owner():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("member", 1))
            await asyncio.sleep(1)

    owner = asyncio.create_task(group_owner())
    await asyncio.sleep(0.01)
    owner.cancel()
    try:
        await owner
    except asyncio.CancelledError:
        print("  owner cancelled:", owner.cancelled())

    print("uncaught failure in a TaskGroup:")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper("fine", 0.01))
        tg.create_task(sleeper("victim", 1))
        tg.create_task(asyncio.sleep(0.02, result=None))

        async def crash():
            await asyncio.sleep(0.01)
            raise ValueError("crashed")

        tg.create_task(crash())
    print("not reached")


asyncio.run(main())
