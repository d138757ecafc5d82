import sys
from typing import List, Optional
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(top[:3])
d = {"x": 1, "y": 2}
d.update(z=3)
del d["x"]
d["x"] = 9
print(d, list(d.keys()), list(d.values()), d.pop("y"), d.setdefault("w", 0), d)
print(d.keys(), d.items())
t = (1, 2, 3)
print(t.count(2), t.index(3), t + (4,), t * 2, 2 in t)
s = "Hello, World"
print(s.lower(), s.count("l"), s.replace("l", "L", 2), s.startswith(("He", "x")), s.partition(", "))
print(s.center(20, "*"), s.ljust(15, "."), s.zfill(15), s.title(), "a b".split(" ", 1))
print("  x  ".lstrip(), "abc".removeprefix("a"), "1,2;3".split(";"), "line1\nline2\r\n".splitlines())
print(str(12), repr("q'q"), repr('a"b'), str(None), [str(1.0)], "%s and %r" % ("a", "b"))
print(isinstance(True, int), True + True, 5 // 2, -5 // 2, 5 % -2, 2 ** 0.5, 10 ** 20, -(2 ** 63))
print(int(3.9), int(-3.9), float(7), abs(-2.5), round(3.14159, 2), max("abc"), min([], default=0))
print(list(range(10, 0, -3)), range(5), len(range(0, 10, 3)), list(reversed([1, 2, 3])))
print(sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []))
x = 5
y = x if x > 3 else 0
print(y, x > 3 and "big" or "small", None or "default", 0 or [] or {})
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
nums = [3, 1, 2]
nums.sort(reverse=True)
print(nums, nums.index(1), nums.pop(), nums)
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, [row[1] for row in matrix], list(zip(*matrix)))
flat = [v for row in matrix for v in row if v]
print(flat, {v % 3 for v in flat}, {i: [] for i in range(2)})
def gen_sum(n: int) -> Optional[int]:
    return sum(i for i in range(n) if i % 2)
print(gen_sum(10))
print(bool([]), bool([0]), not None, [] == [], [1, 2] < [1, 3], (1, 2) == (1, 2))
print("abc" * 2, [0] * 3, "-" * 10)
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
print(callable(print), callable(1), type(None), type(1.5).__name__, type(print))
print(hash(1), hash((1, 2)) == hash((1, 2)), hash(None))
print(sys.maxsize, len(sys.argv))
print(f"{'nested'!r:>10}|{3:03d}|{-4:+d}|{1/3:.3}|{12345.678:,.1f}|{0.5:%}")
print("{} {}".format(1, 2), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="x"), format(3.5, "08.2f"))
sys.stdout.write("written\n")
print("to stderr", file=sys.stderr)
sys.exit(3)
