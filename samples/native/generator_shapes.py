# Native generator shapes: generators calling generators, loops that do
# not yield inside ones that do, comprehensions over generators, an endless
# generator stopped by break, and module-level loops over generators.
def numbers(n):
    for i in range(n):
        yield i

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

def pairs(xs):
    prev = None
    for x in xs:
        if prev is not None:
            yield prev, x
        prev = x

def chain2(n: int):
    for x in numbers(n):
        yield x
    for y in evens(numbers(n)):
        yield y * 10
    seen = []
    for z in range(3):
        seen.append(z)
        yield len(seen)

def total_of(xs) -> int:
    return sum(x for x in xs if x > 2)

def dot(n: int) -> int:
    return sum(a * b for a, b in pairs(numbers(n)))

def use(n: int) -> int:
    t = 0
    for v in chain2(n):
        t = t * 3 + v
    return t + total_of(numbers(n)) + dot(n)

def maxes(n: int) -> float:
    best = 0.0
    for x in numbers(n):
        best = max(best, x / 3)
    return best

def infinite():
    i = 0
    while True:
        yield i
        i += 1

def take(k: int) -> int:
    s = 0
    for x in infinite():
        if x >= k:
            break
        s += x
    return s

print(use(5), use(0), maxes(10), take(100))
res = []
for q in numbers(4):
    res.append(q)
print(res)
x = 0.5
for j in numbers(3):
    x = x * 2
print(x, j)
