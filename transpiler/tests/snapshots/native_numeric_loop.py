import math


def norm(xs: list[float]) -> float:
    total = 0.0
    for x in xs:
        total += x * x
    return math.sqrt(total)


def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def longest(limit: int) -> int:
    best = 0
    for i in range(1, limit):
        best = max(best, collatz_steps(i))
    return best


print(norm([3.0, 4.0]), longest(1000))
