import asyncio
import contextlib
import io
import sys


@contextlib.asynccontextmanager
async def resource(name, log):
    log.append(f"open {name}")
    await asyncio.sleep(0)
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"{name} handled {e!r}")
    finally:
        await asyncio.sleep(0)
        log.append(f"close {name}")


@contextlib.asynccontextmanager
async def no_yield():
    if False:
        yield


class Pool:
    def __init__(self):
        self.closed = False

    async def aclose(self):
        await asyncio.sleep(0)
        self.closed = True
        print("  pool closed")


async def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("  numbers finally")


async def main():
    log = []
    async with resource("a", log) as r:
        log.append(f"using {r}")
    async with resource("b", log):
        raise KeyError("missing")
    try:
        async with resource("c", log):
            raise ValueError("not handled")
    except ValueError as e:
        log.append(f"outer caught {e!r}")
    print("\n".join(log))
    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)

    print("AsyncExitStack:")
    log = []

    async def acb(tag):
        await asyncio.sleep(0)
        print("  async callback", tag)

    async with contextlib.AsyncExitStack() as stack:
        x = await stack.enter_async_context(resource("x", log))
        stack.callback(print, "  sync callback", 1)
        stack.push_async_callback(acb, "first")
        y = await stack.enter_async_context(resource("y", log))
        stack.push_async_callback(acb, "second")
        print("  entered", x, y)
    print("  log:", log)

    try:
        async with contextlib.AsyncExitStack() as stack:
            await stack.enter_async_context(resource("z", log))
            stack.callback(print, "  callback before the error")
            raise KeyError("swallowed by z")
        print("  KeyError suppressed by the stack")
    except KeyError:
        print("  not reached")

    stack = contextlib.AsyncExitStack()
    await stack.enter_async_context(resource("later", log))
    moved = stack.pop_all()
    await stack.aclose()
    print("  after pop_all+aclose:", log[-1])
    await moved.aclose()
    print("  after moved.aclose:", log[-1])

    print("aclosing:")
    pool = Pool()
    async with contextlib.aclosing(pool) as p:
        print("  same object:", p is pool, "closed:", pool.closed)
    print("  closed:", pool.closed)
    async with contextlib.aclosing(numbers()) as agen:
        async for n in agen:
            if n == 2:
                break
            print("  n =", n)
        print("  left the loop")

    print("redirect_stdout:")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf) as target:
        print("captured line 1")
        print("captured", 2, sep="-")
        print("same object:", target is buf, sys.stdout is buf)
    print("back on stdout:", sys.stdout is not buf)
    text = buf.getvalue()
    print(repr(text))
    buf.seek(0)
    print("read(8):", repr(buf.read(8)))
    buf.seek(0)
    for line in buf:
        print("line:", repr(line))
    s = io.StringIO("x\ny\n")
    print(s.readline(), end="")
    print(repr(s.read()), s.tell())


asyncio.run(main())
