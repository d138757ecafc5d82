# Generators whose yields are all statements outside try/with/match: py2rs
# flattens them into step functions. Each case checks a piece of generator
# semantics that the flattening must keep.


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    else:
        yield "liftoff"


def grid(rows, cols):
    for r in range(rows):
        if r == 1:
            continue
        for c in range(cols):
            if c > r:
                break
            yield (r, c)
        else:
            yield f"row {r} complete"
    else:
        yield "grid done"


def classify(xs):
    for x in xs:
        if x < 0:
            yield "neg"
        elif x == 0:
            yield "zero"
            yield "(really)"
        else:
            yield "pos"
    return len(xs)


def first_over(xs, limit):
    for x in xs:
        if x > limit:
            yield x
            return "found"
        yield None
    return "none"


def with_handlers(xs):
    total = 0
    for x in xs:
        try:
            total += 10 // x
        except ZeroDivisionError:
            total -= 1
        yield total
        try:
            if x == 3:
                break
        finally:
            total += 100
    yield ("after loop", total)


def counter_cells():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    for _ in range(3):
        yield bump()
    yield ("count", count)


def deleting():
    x = 1
    yield x
    del x
    yield "deleted"
    try:
        print(x)  # noqa: F821
    except UnboundLocalError as e:
        yield type(e).__name__


def failing(n):
    for i in range(n):
        yield i
    raise ValueError(f"failed after {n}")


def stops():
    yield 1
    raise StopIteration("inner")


def reentrant():
    yield next(me)


print(list(countdown(3)))
print(list(grid(3, 3)))
c = classify([-1, 0, 2])
print(list(c))
g = classify([5])
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
print(list(first_over([1, 5, 9], 4)))


def delegate():
    result = yield from first_over([1, 2], 4)
    yield ("delegate got", result)
    result = yield from first_over([7], 4)
    yield ("delegate got", result)


print(list(delegate()))
print(list(with_handlers([1, 0, 5, 3, 7])))
print(list(counter_cells()))
print(list(deleting()))

# send: a yield statement ignores the value sent; a just-started generator
# refuses a non-None one.
s = countdown(2)
try:
    s.send(5)
except TypeError as e:
    print("TypeError:", e)
print(s.send(None), s.send("ignored"), next(s), next(s, "end"))

# throw: nothing in the body catches it, so it propagates and the
# generator is finished.
t = countdown(5)
print(next(t))
try:
    t.throw(KeyError("thrown in"))
except KeyError as e:
    print("propagated", repr(e))
print(next(t, "finished"))
t2 = countdown(5)
try:
    t2.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted throw", e)
print(list(t2))

# close: at a yield or before the start, then next() stops.
cl = countdown(3)
print(next(cl))
cl.close()
print(next(cl, "closed"), cl.gi_running)

f = failing(2)
print(next(f), next(f))
try:
    next(f)
except ValueError as e:
    print("raised", e)
print(next(f, "done after raise"))

try:
    list(stops())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

print(type(countdown(1)).__name__, countdown.__name__)
print(sum(x * x for x in countdown(4) if isinstance(x, int)))


def odd_names(n):
    # A local spelled like the flattening's own state names.
    __py2rs_state_0 = 0
    while __py2rs_state_0 < n:
        yield __py2rs_state_0
        __py2rs_state_0 += 2


print(list(odd_names(7)))

# A StopIteration thrown in escapes as RuntimeError, as one raised inside.
st = countdown(3)
next(st)
try:
    st.throw(StopIteration("thrown"))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
print(next(st, "finished"))
list(failing(3))
