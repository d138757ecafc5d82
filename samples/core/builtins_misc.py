# A tour of the built-in functions.
nums = [5, 3, 8, 1, 9, 2]
print(len(nums), sum(nums), sum(nums, 100), min(nums), max(nums), sorted(nums), sorted(nums, reverse=True))
print(min("banana", "apple", key=len), max([], default="empty"), min([3, 1], key=lambda v: -v), max("abc"))
print(any(n > 8 for n in nums), all(n > 0 for n in nums), any([]), all([]), abs(-7), abs(-2.5))
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(zip([1, 2, 3], "ab")), list(zip()))
print(list(map(str.upper, ["a", "b"])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])), list(filter(None, [0, 1, "", "x", None])))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(reversed("abc")), list(range(2, 20, 5)), range(3), range(1, 10, 2))
print(len(range(0, 100, 7)), 14 in range(0, 100, 7), range(10)[3], range(10)[-2:], list(range(10, 0, -3)))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), pow(2.0, -2), round(3.14159, 3))
print(chr(97), ord("A"), hex(4096), oct(8), bin(5), int("z", 36), int(" -12 "), float("3.5e2"), str(3.0), bool(""), bool("0"))
print(repr([1, "a"]), ascii("ñ"), format(0.25, ".1%"), hash(42), hash((1, 2)) == hash((1, 2)), callable(len), callable(3))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"))
print(isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, float)), issubclass(bool, int), type(3) is int)
print(list(dict(a=1, b=2).items()), tuple("ab"), set([3, 3, 1]), frozenset([2, 2]), list((1, 2)))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

p = Point(1, 2)
setattr(p, "z", 3)
print(getattr(p, "x"), getattr(p, "w", None), hasattr(p, "z"), vars(p), sorted(vars(p)))
delattr(p, "z")
print(hasattr(p, "z"), type(p).__name__, type(p).__qualname__)
data = {"b": 2, "a": 1, "c": 3}
print(sorted(data), sorted(data.items(), key=lambda kv: kv[1]), sorted(data, key=data.get, reverse=True))
words = ["Banana", "apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), list(zip(*[(1, "a"), (2, "b")])))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from an empty iterator")
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
