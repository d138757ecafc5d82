# Native functions read list arguments in place: no copy per call (a loop
# of lookups stays linear), and an item of another type, when read, sends
# the call to the dynamic version.
def pick(xs: list[int], i: int) -> int:
    return xs[i]


def total(xs: list[int]) -> int:
    return sum(xs)


def dot(xs: list[float], ys: list[float]) -> float:
    acc = 0.0
    for x, y in zip(xs, ys):
        acc += x * y
    return acc


def first_big(xs: list[int], limit: int) -> int:
    for i, x in enumerate(xs):
        if x > limit:
            return i
    return -1


def bisect(xs: list[int], x: int) -> int:
    lo = 0
    hi = len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


data = list(range(0, 400000, 2))
hits = 0
for v in range(0, 400000, 3):
    k = bisect(data, v)
    if k < len(data) and data[k] == v:
        hits += 1
print(hits, pick(data, -1), total(data), first_big(data, 1000))
print(pick([1, "a"], 0), pick([1, "a"], 1), total([1, 2.5]), total([True, 2]))
print(dot([1.0, 2.0], [3.0, 4.0, 5.0]), dot([1.0, 2], [3.0, 4.0]), first_big([1, 2], 5))
mixed = [3, 4.5, "x"]
print(first_big(mixed, 3))
