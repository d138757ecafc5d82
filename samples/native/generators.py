# Native generators: generator functions typed by their native callers,
# stepped by native loops (in functions and in module-level loops), and
# still ordinary generators when dynamic code calls them.


def numbers(n):
    for i in range(n):
        yield i


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


def scaled(xs, k):
    for x in xs:
        yield x * k


def pairs(xs):
    prev = None
    for x in xs:
        if prev is not None:
            yield prev, x
        prev = x


def countdown(start: int, step: int):
    for i in range(start, 0, -step):
        yield i


def collatz(n: int):
    # A while loop suspended in, with an inner loop that does not yield.
    while n != 1:
        yield n
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        for _ in range(2):
            if n > 1000:
                break
    yield 1


def first(xs, k: int):
    # break and return inside a loop a generator suspends in.
    seen = 0
    for x in xs:
        if seen == k:
            break
        seen += 1
        if x < 0:
            return
        yield x
    yield -1


def pipeline(n: int) -> int:
    total = 0
    for a, b in pairs(scaled(evens(numbers(n)), 3)):
        total += b - a
    return total


def drain(xs) -> int:
    # A generator is its own iterator: the second loop finds it exhausted.
    n = 0
    for _ in xs:
        n += 1
    for _ in xs:
        n += 100
    return n


def overflowing(n: int) -> int:
    # 3 * 2**62 leaves 64 bits: the native code bails, the dynamic code
    # computes the big int.
    total = 0
    for x in scaled(numbers(n), 2**62):
        total += x
    return total


def summed(n: int) -> int:
    return sum(x * x for x in countdown(n, 3) if x % 2 == 1)


def longest(limit: int) -> int:
    best = 0
    for start in range(1, limit):
        steps = 0
        for _ in collatz(start):
            steps += 1
        if steps > best:
            best = steps
    return best


def firsts(n: int) -> int:
    return sum(x for x in first(numbers(n), 3)) * 1000 + drain(first(countdown(n, 1), 100))


print(pipeline(10), pipeline(1001), pipeline(0))
print(drain(numbers(5)), drain(evens(numbers(9))))
print(overflowing(3), overflowing(0))
print(summed(20), summed(0), longest(30), firsts(10), firsts(2))
# Called from dynamic code, they are Python generators as ever.
print(list(pairs(numbers(4))), list(collatz(6)), list(first(iter([5, -1, 7]), 3)))
print(drain(iter([1, 2, 3])), drain([1, 2]))
g = numbers(3)
print(next(g), list(g), list(g))

# Module-level loops run natively when the module variables they read
# hold native values, and store what they bind back.
total = 0
count = 0
for a, b in pairs(scaled(evens(numbers(2000)), 3)):
    total += b - a
    count += 1
print(count, total, a, b)

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(n, steps)

hits = 0
for i in range(100):
    if i % 7 == 0:
        continue
    if i > 50:
        break
    hits += i
print(hits, i)

# A loop that never runs leaves its variable unbound, as before.
for never in range(0):
    pass
try:
    print(never)
except NameError as e:
    print("NameError:", e)

# Overflow bails to the dynamic loop, which makes big ints.
big = 1
for _ in range(100):
    big *= 3
print(big)

# A module variable that holds a float by the time the loop runs: the
# check as the loop starts sends it to the dynamic loop.
acc = 0


def spoil():
    global acc
    acc = 2.5


spoil()
for i in range(4):
    acc += i
print(acc)

# A variable read before the loop binds it, never bound: NameError.
for i in range(3):
    zzz_unset += i
