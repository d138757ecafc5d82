# Dicts keep insertion order; deletion then reinsertion moves a key to the
# end; views are live.
d = {"one": 1, "two": 2, "three": 3}
keys = d.keys()
values = d.values()
items = d.items()
d["four"] = 4
print(keys, values, items, len(keys), "two" in keys, 3 in values, ("one", 1) in items)
del d["one"]
d["one"] = 11
print(d, list(d), list(reversed(d)))
print(d.get("x"), d.get("x", 0), d.setdefault("five", 5), d.pop("two"), d.pop("zz", None), d)
print(d.popitem(), d)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d, {k: v for k, v in d.items() if v > 2})
merged = {"x": 1, "y": 2} | {"y": 20, "z": 30}
merged |= {"w": 0}
print(merged, dict(zip("abc", range(3))), dict(a=1, b=2), dict.fromkeys("ab", 0) if hasattr(dict, "fromkeys") else None)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]), max(counts, key=counts.get))
nested = {"a": {"b": {"c": [1, 2, {"d": None}]}}}
print(nested["a"]["b"]["c"][2], nested)
ints = {1: "int", 1.0: "float", True: "bool"}
print(ints, {(1, 2): "tuple key"}[(1, 2)], {None: 0}, {})
r = {}
r["self"] = r
print(r)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print({[1]: 2})
