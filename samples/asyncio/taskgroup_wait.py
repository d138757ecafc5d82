import asyncio

log = []


async def work(name, delay, fail=None):
    try:
        print(f"  {name} start")
        await asyncio.sleep(delay)
        if fail:
            raise fail
        print(f"  {name} done")
        return name.upper()
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def taskgroup_ok():
    print("taskgroup, all succeed:")
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("a", 0.02))
        t2 = tg.create_task(work("b", 0.01), name="bee")
        print("  body done, waiting", t2.get_name())
    print("  results", t1.result(), t2.result())


async def taskgroup_fail():
    print("taskgroup, one fails:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("slow", 0.03))
            tg.create_task(work("bad", 0, ValueError("boom")))
            tg.create_task(work("bad2", 0, KeyError("k")))
            await asyncio.sleep(1)
            print("  not reached")
    except* ValueError as eg:
        print("  caught ValueError group:", [repr(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("  caught KeyError group:", [repr(e) for e in eg.exceptions])
    print("  log:", log)
    log.clear()


async def body_raises():
    print("taskgroup, body raises:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("sibling", 0.02))
            await asyncio.sleep(0)
            raise RuntimeError("in body")
    except ExceptionGroup as eg:
        print("  group:", eg, [repr(e) for e in eg.exceptions])
    print("  log:", log)
    log.clear()


async def waits():
    print("wait FIRST_COMPLETED:")
    tasks = [asyncio.create_task(work(n, d), name=n) for n, d in [("w1", 0.03), ("w2", 0.01), ("w3", 0.02)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("  done", sorted(t.get_name() for t in done), "pending", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending)
    print("  done", sorted(t.get_name() for t in done), "pending", len(pending))

    print("wait FIRST_EXCEPTION:")
    tasks = [
        asyncio.create_task(work("x1", 0.01), name="x1"),
        asyncio.create_task(work("x2", 0.02, ZeroDivisionError("zero")), name="x2"),
        asyncio.create_task(work("x3", 0.03), name="x3"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in sorted(done, key=lambda t: t.get_name()):
        print("  ", t.get_name(), repr(t.exception()))
    print("  pending", [t.get_name() for t in pending])
    done, pending = await asyncio.wait(pending, timeout=0.001)
    print("  after short timeout: done", len(done), "pending", len(pending))
    await asyncio.wait(pending)

    print("as_completed:")
    tasks = [asyncio.create_task(work(n, d)) for n, d in [("c1", 0.03), ("c2", 0.01), ("c3", 0.02)]]
    for aw in asyncio.as_completed(tasks):
        print("  next result", await aw)


async def main():
    await taskgroup_ok()
    await taskgroup_fail()
    await body_raises()
    await waits()
    print("current task:", asyncio.current_task().get_name())


asyncio.run(main())
