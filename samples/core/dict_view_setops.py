# dict.keys() and dict.items() are sets: -, &, |, ^ with any iterable on
# either side give a set; comparisons with sets; isdisjoint.


def show(label, f):
    # Sets of strs print in an order that changes with str hashing: sorted.
    try:
        r = f()
        print(label, type(r).__name__, sorted(r, key=repr) if isinstance(r, set) else repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


d = {"a": 1, "b": 2, "c": 3}
e = {"b": 2, "c": 30, "d": 4}
k = d.keys()
show("k - set", lambda: k - {"a"})
show("k - list", lambda: k - ["a", "zz"])
show("list - k", lambda: ["a", "x", "y"] - k)
show("set - k", lambda: {"a", "q"} - k)
show("k & set", lambda: k & {"a", "c", "x"})
show("set & k", lambda: {"a", "c", "x"} & k)
show("k & tuple", lambda: k & ("c", "b", "x"))
show("k | list", lambda: k | ["x", "y"])
show("list | k", lambda: ["x"] | k)
show("k ^ set", lambda: k ^ {"a", "z"})
show("str ^ k", lambda: "ab" ^ k)
show("k & k2", lambda: k & e.keys())
show("k - k2", lambda: k - e.keys())
show("k | k2", lambda: k | e.keys())
show("k ^ k2", lambda: k ^ e.keys())
show("items & items", lambda: sorted(d.items() & e.items()))
show("items ^ items", lambda: sorted(d.items() ^ e.items()))
show("items - set", lambda: sorted(d.items() - {("a", 1)}))
show("items | list", lambda: sorted(d.items() | [("z", 0)]))
# Sets of ints print in CPython's table order, which these reproduce.
n = {1: "a", 9: "b", 17: "c", 3: "d"}
m = {17: 0, 4: 0, 1: 0, 33: 0}
for label, r in [
    ("n - m", n.keys() - m.keys()),
    ("n & m", n.keys() & m.keys()),
    ("m & n", m.keys() & n.keys()),
    ("n | m", n.keys() | m.keys()),
    ("m | n", m.keys() | n.keys()),
    ("n ^ m", n.keys() ^ m.keys()),
    ("list | n", [33, 25, 1] | n.keys()),
    ("n | list", n.keys() | [33, 25, 1]),
    ("set & n", {1, 9, 100, 17} & n.keys()),
    ("n & set", n.keys() & {1, 9, 100, 17, 200, 300}),
    ("range - n", range(20) - n.keys()),
    ("n ^ range", n.keys() ^ range(5)),
    ("items ^", {1: 1, 2: 2, 9: 9}.items() ^ {1: 1, 2: 3, 17: 0}.items()),
]:
    print(label, r)
show("ints", lambda: {1: 0, 2: 0, 3: 0}.keys() - {2})
show("ints or", lambda: {10: 0, 2: 0}.keys() | range(5))
show("k - 1", lambda: k - 1)
show("1 - k", lambda: 1 - k)
show("values - set", lambda: d.values() - {1})
show("k + list", lambda: k + [1])
show("unhashable", lambda: k | [[1]])

# Comparisons.
print(k == {"a", "b", "c"}, {"a", "b", "c"} == k, k != {"a"}, k == ["a", "b", "c"])
print(k <= {"a", "b", "c", "d"}, k < {"a", "b", "c"}, k > {"a"}, k >= k, {"a"} < k)
print(d.items() == {("a", 1), ("b", 2), ("c", 3)}, d.items() <= {("a", 1)}, k == e.keys(), k == d.copy().keys())
print({1: 2}.keys() == {1: 3}.keys(), {1: 2}.items() == {1: 3}.items(), frozenset("abc") == k)
print(d.values() == d.values(), k == k)
show("k < list", lambda: k < ["a"])
show("values < set", lambda: d.values() < {1})

# isdisjoint.
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), k.isdisjoint(e.keys()), d.items().isdisjoint([("a", 1)]))
print({}.keys().isdisjoint([]), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
show("values isdisjoint", lambda: d.values().isdisjoint([]))
show("isdisjoint()", lambda: k.isdisjoint())
show("isdisjoint(1)", lambda: k.isdisjoint(1))

# The views stay live.
live = d.keys()
d["new"] = 5
print(live - {"a"} == {"b", "c", "new"}, len(live), live)
