# Loops over native dicts: the keys, values() and items(), in insertion
# order, also inside comprehensions and reductions; updating values during
# the loop is allowed, and changing the size raises RuntimeError at the
# next step, as CPython's dict iterator does.


def tally(text: str) -> int:
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    total = 0
    for w in counts:
        total += len(w) * counts[w]
    for n in counts.values():
        total += n
    best = 0
    for w, n in counts.items():
        if n > best:
            best = n
        if w == "stop":
            break
    return total * 100 + best + sum(n for n in counts.values() if n > 1)


def doubled(n: int) -> int:
    d = {}
    for i in range(n):
        d[i % 5] = i
    for k, v in d.items():
        d[k] = v * 2
    return sum([k * 1000 + v for k, v in d.items()])


def grow(n: int) -> int:
    d = {}
    for i in range(n):
        d[i] = i
    for k in d:
        if k == n - 1:
            d[k + 1] = 0
    return len(d)


def skip_odd(n: int) -> int:
    d = {}
    for i in range(n):
        d[i] = i * i
    s = 0
    for k, v in d.items():
        if k % 2:
            continue
        s += v
    return s


print(tally("a bb a ccc bb a stop dd dd"), tally(""))
print(doubled(12), doubled(0))
print(skip_odd(10))
try:
    grow(3)
except RuntimeError as e:
    print("RuntimeError:", e)
