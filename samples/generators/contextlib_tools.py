from contextlib import contextmanager, suppress, ExitStack, nullcontext, closing
import time

@contextmanager
def timer(label: str):
    start = time.perf_counter()
    try:
        yield # body of the with-block runs here
    finally:
        elapsed = time.perf_counter() - start
        print(f"{label}: {elapsed >= 0}")

with timer("sorting"):
    data = sorted(range(1_000_000), reverse=True)
print(data[:3])

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        print("handled", e)
    finally:
        print(f"</{name}>")

with tag("b") as t:
    print("inside", t)
with tag("k"):
    {}["missing"]
print("after suppressed KeyError")
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed zero div")

class Res:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("open", self.n); return self
    def __exit__(self, *a):
        print("close", self.n, a[0].__name__ if a[0] else None); return False
    def close(self): print("closing", self.n)

with ExitStack() as stack:
    rs = [stack.enter_context(Res(i)) for i in range(3)]
    stack.callback(print, "callback ran")
    print("using", [r.n for r in rs])
try:
    with ExitStack() as stack:
        stack.enter_context(Res("x"))
        stack.enter_context(Res("y"))
        raise ValueError("midway")
except ValueError as e:
    print("propagated", e)
with nullcontext(5) as v:
    print("null", v)
with closing(Res("z")):
    pass
try:
    with tag("v"):
        raise ValueError("not handled")
except ValueError as e:
    print("outer got", e)
