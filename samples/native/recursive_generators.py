# A generator that makes itself (directly, or through another generator)
# has no native version (its Rust type would contain itself); everything
# around it still works, and a recursive function that steps a
# non-recursive generator stays native.


def countdown(n):
    if n > 0:
        yield n
        for x in countdown(n - 1):
            yield x


def evens(n):
    if n >= 0:
        yield n
        for x in odds(n - 1):
            yield x


def odds(n):
    if n >= 0:
        for x in evens(n - 1):
            yield x * 10


def squares(n: int):
    for i in range(n):
        yield i * i


def tower(n: int) -> int:
    if n == 0:
        return 0
    return sum(squares(n)) + tower(n - 1)


def total(n: int) -> int:
    return sum(countdown(n)) + sum(evens(n))


print(list(countdown(4)), list(evens(5)), total(6), tower(10))
