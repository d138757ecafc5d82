# Native, dynamic and generator recursion stop at the same depth as
# CPython's (the module's frame and running generators count), and past it
# RecursionError comes from the dynamic code.
def native_depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + native_depth(n - 1)


# Guarded by `n < K` and recursing on `n - c`: the depth is checked once,
# on entry, and a call that might go too deep runs as dynamic code.
def bounded_depth(n: int) -> int:
    if n < 1:
        return 0
    return 1 + bounded_depth(n - 1)


def skipping_depth(n: int) -> int:
    if -7 >= n:
        return 0
    return 1 + skipping_depth(n - 2)


# Bounded too, but calling another function: that call still spends the
# depth budget, since its own recursion adds frames.
def bounded_with_helper(n: int) -> int:
    if n < 1:
        return 0
    return native_depth(3) + bounded_with_helper(n - 1)


def via_native_caller(n: int) -> int:
    return bounded_depth(n) + 1


def dynamic_depth(n):
    if n == 0:
        return "done"
    return dynamic_depth(n - 1)


class Walker:
    def down(self, n):
        return 0 if n == 0 else 1 + self.down(n - 1)


def deepest(f):
    ok = 0
    for n in range(985, 1002):
        try:
            f(n)
            ok = n
        except RecursionError:
            break
    return ok


def in_generator():
    # A running generator is a frame too.
    yield deepest(dynamic_depth)
    yield deepest(lambda n: next(values(n)))


def values(n):
    yield dynamic_depth(n)


def countdown(n):
    yield n
    if n:
        yield from countdown(n - 1)


print(deepest(native_depth), deepest(dynamic_depth), deepest(Walker().down))
print(deepest(bounded_depth), deepest(skipping_depth), deepest(via_native_caller))
print(deepest(bounded_with_helper), bounded_with_helper(10))
print(list(in_generator()), len(list(countdown(500))))
print(bounded_depth(-3), skipping_depth(-8), skipping_depth(-6), skipping_depth(1900))
try:
    bounded_depth(1200)
except RecursionError as e:
    print("RecursionError in bounded recursion:", e)
try:
    list(countdown(2000))
except RecursionError as e:
    print("RecursionError in yield from:", e)
print(native_depth(5000))
