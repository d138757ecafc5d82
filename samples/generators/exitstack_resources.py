# A resource manager built on ExitStack: resources are acquired in turn, one
# acquisition fails midway, and everything acquired so far is released in
# LIFO order; errors raised while unwinding are chained as CPython chains them.
from contextlib import ExitStack, contextmanager, suppress

events = []


class Resource:
    def __init__(self, name, fail_on_enter=False, fail_on_exit=False):
        self.name = name
        self.fail_on_enter = fail_on_enter
        self.fail_on_exit = fail_on_exit

    def __enter__(self):
        if self.fail_on_enter:
            events.append(f"enter {self.name} FAILED")
            raise ConnectionError(f"cannot open {self.name}")
        events.append(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        events.append(f"exit {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        if self.fail_on_exit:
            raise RuntimeError(f"{self.name} failed to close")
        return False


@contextmanager
def transaction(name):
    events.append(f"begin {name}")
    try:
        yield name
        events.append(f"commit {name}")
    except Exception as e:
        events.append(f"rollback {name}: {e}")
        raise
    finally:
        events.append(f"end {name}")


def acquire_all(specs):
    with ExitStack() as stack:
        acquired = []
        for spec in specs:
            acquired.append(stack.enter_context(Resource(**spec)))
        stack.callback(events.append, "callback ran")
        tx = stack.enter_context(transaction("tx1"))
        return [r.name for r in acquired] + [tx]


print(acquire_all([{"name": "db"}, {"name": "cache"}]))
print(events)
events.clear()
try:
    acquire_all([{"name": "db"}, {"name": "cache"}, {"name": "queue", "fail_on_enter": True}, {"name": "never"}])
except ConnectionError as e:
    print("ConnectionError:", e)
print(events)
events.clear()
try:
    with ExitStack() as stack:
        stack.enter_context(Resource("a", fail_on_exit=True))
        stack.enter_context(Resource("b"))
        stack.enter_context(transaction("tx2"))
        raise ValueError("work failed")
except Exception as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)
print(events)
events.clear()
with ExitStack() as outer:
    outer.enter_context(suppress(KeyError))
    outer.enter_context(Resource("s"))
    raise KeyError("suppressed")
print(events)
events.clear()
with ExitStack() as stack:
    stack.enter_context(Resource("kept"))
    moved = stack.pop_all()
print("after with:", events)
moved.close()
print("after close:", events)
events.clear()
with ExitStack() as stack:
    stack.enter_context(Resource("x"))
    stack.enter_context(Resource("y", fail_on_exit=True))
    raise IndexError("boom")
