"""mappingproxy: a read-only live view, as Class.__dict__, Enum.__members__,
singledispatch's registry and types.MappingProxyType show it."""

import enum
import functools
import types

backing = {"a": 1, "b": 2}
mp = types.MappingProxyType(backing)
print(mp)
print(repr(mp), str(mp), type(mp).__name__, type(mp))
print(len(mp), "a" in mp, "z" in mp, mp["a"], list(mp), list(reversed(mp)))
print(list(mp.keys()), list(mp.values()), list(mp.items()))
print(mp.get("a"), mp.get("q"), mp.get("q", 5))
copy = mp.copy()
print(copy, type(copy).__name__, copy is backing)

backing["c"] = 3
print("live:", mp, len(mp))

for op in ["assign", "delete", "attribute", "pop", "missing"]:
    try:
        if op == "assign":
            mp["a"] = 10
        elif op == "delete":
            del mp["a"]
        elif op == "attribute":
            mp.extra = 1
        elif op == "pop":
            mp.pop("a")
        else:
            mp["missing"]
    except (TypeError, AttributeError, KeyError) as e:
        print(op, type(e).__name__, e)

print(mp == {"a": 1, "b": 2, "c": 3}, mp != {"a": 1}, {"a": 1, "b": 2, "c": 3} == mp)
print(mp == types.MappingProxyType(dict(backing)))
print(mp | {"d": 4}, {"z": 0} | mp, type(mp | {}).__name__)
other = mp
try:
    other |= {"d": 4}
except TypeError as e:
    print(type(e).__name__, e)
print(other is mp, mp)
print(dict(mp), {**mp}, sorted(mp), bool(mp), bool(types.MappingProxyType({})))
try:
    types.MappingProxyType([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print(types.MappingProxyType(mp))
try:
    hash(mp)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(mp, types.MappingProxyType), isinstance(backing, types.MappingProxyType))


class Point:
    """A point."""

    dims = 2

    def norm(self):
        return 0


d = Point.__dict__
print(type(d).__name__, type(d) is types.MappingProxyType, type(vars(Point)).__name__)
print(d["dims"], d["__doc__"], d["__module__"], "norm" in d, "zzz" in d)
print(sorted(k for k in d if not k.startswith("__")))
try:
    Point.__dict__["dims"] = 3
except TypeError as e:
    print(type(e).__name__, e)
Point.dims = 3
Point.added = "new"
print(d["dims"], d["added"], vars(Point)["added"])
del Point.added
print("added" in d)
p = Point()
p.x = 1
print(type(p.__dict__).__name__, p.__dict__, vars(p))


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1


m = Color.__members__
print(type(m).__name__, list(m), m["CRIMSON"], len(m))
print(m)
try:
    m["BLUE"] = 3
except TypeError as e:
    print(type(e).__name__, e)
print(dict(m.items()))


@functools.singledispatch
def describe(x):
    return "thing"


@describe.register(int)
def _(x):
    return "int"


r = describe.registry
print(type(r).__name__, len(r), object in r, int in r, str in r)
describe.register(str, lambda x: "str")
print(len(r), str in r, describe("s"))
try:
    describe.registry[float] = None
except TypeError as e:
    print(type(e).__name__, e)
