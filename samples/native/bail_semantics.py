# The native tier keeps CPython's semantics: functions proven to work on
# native ints, floats and lists bail to the dynamic code whenever Python
# would leave those types (overflow, errors, other argument types).
import math


def fact(n: int) -> int:
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def ratio(a: float, b: float) -> float:
    return a / b


def pick(xs: list[int], i: int) -> int:
    return xs[i]


def half(x: float) -> float:
    return x / 2


def inc(n: int) -> int:
    return n + 1


def total(xs: list[float]) -> float:
    return sum(x * 2.0 for x in xs)


def divmods(a: float, b: float) -> tuple[float, float]:
    return a // b, a % b


def int_divmods(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def power(a: int, b: int) -> int:
    return a**b


def root(x: float) -> float:
    return math.sqrt(x)


def compare(i: int, f: float) -> tuple[bool, bool, bool]:
    return i < f, i == f, i > f


def smallest(a: float, b: float) -> float:
    return min(a, b)


def primes(limit: int) -> list[int]:
    found = []
    for n in range(2, limit):
        is_prime = True
        for p in found:
            if p * p > n:
                break
            if n % p == 0:
                is_prime = False
                break
        if is_prime:
            found.append(n)
    return found


def grow(n: int) -> int:
    xs = [1]
    count = 0
    for x in xs:
        count += x
        if len(xs) < n:
            xs.append(x + 1)
    return count


def swap_sort(xs: list[int]) -> list[int]:
    ys = xs[:]
    for i in range(len(ys)):
        for j in range(len(ys) - 1 - i):
            if ys[j] > ys[j + 1]:
                ys[j], ys[j + 1] = ys[j + 1], ys[j]
    return ys


def flags(xs: list[int]) -> tuple[bool, bool, bool]:
    return any(x > 3 for x in xs), all(x > 0 for x in xs), 3 in xs


def chained(a: int, b: int, c: int) -> bool:
    return a < b <= c != a


def mixed_float(n: int) -> float:
    acc = 0.0
    for i in range(n):
        acc += i / 3 - (i % 7) * 0.5
    return acc


print(fact(20), fact(21), fact(30))
print(inc(2**62), inc(9223372036854775807), inc(True), half(3), half(3.0))
print(total([1.0, 2.5]), total([]), total([1.0, 2]))
print(divmods(-7.5, 2.0), divmods(7.5, -2.0), divmods(-0.0, 1.0), int_divmods(-7, 2), int_divmods(7, -2))
print(power(2, 10), power(2, 64), power(2, -1), power(-3, 3))
print(compare(2**53 + 1, 2.0**53), compare(3, 3.0), compare(-1, float("nan")))
print(smallest(0.0, -0.0), smallest(-0.0, 0.0), smallest(float("nan"), 1.0), smallest(1.0, float("nan")))
print(primes(60))
print(grow(10), swap_sort([5, 2, 9, 1, 5, 6]), flags([1, 2, 3]), flags([4, 5]))
print(chained(1, 2, 2), chained(1, 2, 1), chained(3, 2, 1))
print(mixed_float(1000), root(2.0), root(16), math.sqrt(2))
print(pick([10, 20, 30], -1), pick([10, 20, 30], 2))
print(depth(500))
for f, args in ((ratio, (1.0, 0.0)), (pick, ([1, 2], 5)), (root, (-1.0,)), (power, (0, -1)), (int_divmods, (1, 0))):
    try:
        print(f(*args))
    except (ZeroDivisionError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError", e)
print(ratio(1.0, 0.0))
