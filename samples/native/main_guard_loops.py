# Loops under `if __name__ == "__main__":` are module-level code too: they
# run natively on the module variables they read and bind.


def squares(n: int):
    for i in range(n):
        yield i * i


def collatz_len(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


limit = 10
if __name__ == "__main__":
    best = 0
    arg = 0
    for k in range(1, limit * 1000):
        steps = collatz_len(k)
        if steps > best:
            best, arg = steps, k
    print(best, arg, k)
    total = 0.0
    for s in squares(limit):
        total += s / 7
    print(round(total, 6), s)
    if limit > 5:
        count = 0
        while count * count < 10**6:
            count += 3
        print(count)
    else:
        for never in squares(3):
            pass
        print(never)
    # `acc` was bound last by something other than a constant: the loop
    # stays dynamic.
    acc = collatz_len(27) // 1
    acc += 1
    for j in range(5):
        acc *= 2
    print(acc, j)
