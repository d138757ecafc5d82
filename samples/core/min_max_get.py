# min/max compare items with the inlined int and float paths, dict.get with
# positional arguments skips the argument vector: both must keep CPython's
# results, ties and errors.
print(max([3, 1, 2]), min([3, 1, 2]), max(1, 2.5), min("b", "a"), max([1, 1.0]), min([1.0, 1]))
print(max([], default=7), min((x for x in []), default=None), max([-1, -2], key=abs), min([[2], [1, 5]]))
print(max([float("nan"), 1.0]), max([1.0, float("nan")]), max([True, 1]), min([1, True]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    max([1, "a"])
except TypeError as e:
    print("TypeError:", e)
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d.get("a", 9))
try:
    d.get([1])
except TypeError as e:
    print("TypeError:", e)
