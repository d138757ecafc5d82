# Sorting: stability with keys, reverse=True keeping equal items in order,
# errors from key functions and from comparisons (their operands named as
# CPython names them), NaNs and an inconsistent __lt__ (no crash).
xs = [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e")]
print(sorted(xs, key=lambda p: p[0]), sorted(xs, key=lambda p: p[0], reverse=True))
print(sorted(xs, key=lambda p: p[1]), sorted(xs, key=lambda p: -p[0], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "a", "c"]), sorted([2.5, 1, True]))
mixed = [5, 2, 9, 1]
print(sorted(mixed, key=lambda v: v if v > 3 else str(v)) if False else sorted(mixed, key=lambda v: (v % 2, v)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2, 3], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
ys = [4, 1, 3]
try:
    ys.sort(key=lambda v: [v] if v != 3 else "x")
except TypeError as e:
    print("TypeError:", e, ys)
zs = list(range(20, 0, -1))
zs.sort(key=lambda v: v % 3)
print(zs)
zs.sort(key=lambda v: v % 4, reverse=True)
print(zs)
big = [(i * 7919) % 1000 for i in range(3000)]
print(sorted(big, key=lambda v: v % 10)[:12], sorted(big, key=lambda v: -v)[:5])
nan = float("nan")
xs = [nan, 1.0, 0.5, nan, 2.0, -1.0, nan, 3.0] * 50
ys = sorted(xs)
print(len(ys), sum(1 for y in ys if y != y))
class W:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return (self.v * 7 + other.v * 3) % 5 < 2
ws = sorted([W(i) for i in range(200)])
print(len(ws))
