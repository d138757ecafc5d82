# A native function may call another only if that one is defined before any
# code runs that could call it: otherwise the call could meet a NameError,
# so the caller stays dynamic. Constants bound by plain arithmetic run no
# code, so functions after them still count as defined early.
RATE = 2.5
DOUBLE_RATE = RATE * 2


def early(x: float) -> float:
    return x * DOUBLE_RATE + later_is_fine(x)


def later_is_fine(x: float) -> float:
    return x + RATE


def a(n: int) -> int:
    return b(n) + 1


try:
    print(a(1))
except NameError as e:
    print("NameError:", e)


def b(n: int) -> int:
    return n


print(a(1), early(2.0))
