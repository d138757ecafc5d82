# Native functions whose self-call is an operand of the returned + or *
# run as a loop with an accumulator. The results, the overflow into big
# ints, the recursion limit and unbound locals must all stay CPython's.
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def count(n: int) -> int:
    if n == 0:
        return 0
    return 1 + count(n - 1)


def cubes(n: int) -> int:
    if n == 0:
        return 0
    return count(n % 3) + n * n * n + cubes(n - 1)


def digits_sum(n: int, base: int) -> int:
    while n >= base:
        if n % base == 0:
            return digits_sum(n // base, base)
        return n % base + digits_sum(n // base, base)
    return n


def stale(n: int) -> int:
    if n > 5:
        x = n
    if n == 0:
        return 0
    return x + stale(n - 1)


print([fib(i) for i in range(15)], fib(27))
print(fact(20), fact(21), fact(30))
print(count(900), cubes(200), cubes(10**5 // 200))
print(digits_sum(10**18 - 1, 10), digits_sum(2**62, 2), digits_sum(12345678, 1000))
print(stale(8) if False else "stale skipped")
try:
    count(5000)
except RecursionError as e:
    print("RecursionError:", e)
try:
    stale(8)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(fact(5) * fact(6), 2**64 + fib(10))
count(2000)
