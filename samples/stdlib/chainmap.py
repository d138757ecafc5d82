# collections.ChainMap: lookups through the maps, writes to the first,
# new_child/parents, iteration order, views, | and errors.
from collections import ChainMap, defaultdict


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "admin"}
cli = {"size": 3, "verbose": True}
cm = ChainMap(cli, env, defaults)
print(cm)
print(cm["user"], cm["color"], cm["size"], cm.get("missing"), cm.get("missing", 0), cm.get("verbose"))
print(len(cm), list(cm), "user" in cm, "nope" in cm, bool(cm), bool(ChainMap()), bool(ChainMap({})))
print(dict(cm), list(cm.items()), list(cm.values()))
print(cm.keys(), cm.items())
print(cm.maps is cm.maps, cm.maps[1] is env)
show("missing", lambda: cm["missing"])

cm["color"] = "blue"
print(cli, defaults["color"])
del cm["color"]
print(cli)
show("del user", lambda: cm.__delitem__("user"))
try:
    del cm["user"]
except KeyError as e:
    print("KeyError", e)
print(cm.pop("size"), cli)
show("pop missing", lambda: cm.pop("missing"))
print(cm.pop("missing", "dflt"))
print(cm.setdefault("user", "x"), cm.setdefault("new", 5), cli)

child = cm.new_child()
child["user"] = "root"
print(child, child["user"], cm["user"])
print(cm.new_child({"k": 1}), cm.new_child(extra=2))
print(child.parents, child.parents.parents.parents, child.parents == cm)
print(ChainMap(), ChainMap().maps, ChainMap({"a": 1}).parents)

# Iteration: a dict built from the maps in reverse.
order = ChainMap({"b": 1, "z": 2}, {"a": 0, "b": 0}, {"c": 9, "a": 5})
print(list(order), list(order.items()), len(order))

# The maps list is live.
order.maps.append({"late": 1})
print(order["late"], len(order))
order.maps = [{"only": 1}]
print(order)

# Equality as a mapping.
print(ChainMap({"a": 1}) == {"a": 1}, ChainMap({"a": 1}, {"a": 2}) == ChainMap({"a": 1}), ChainMap() == [])
print({"a": 1} == ChainMap({"a": 1}))
print(ChainMap({"a": 1}).keys() == {"a"}, "a" in ChainMap({"a": 1}).keys(), ("a", 1) in ChainMap({"a": 1}).items())

# | and |=.
show("cm | d", lambda: ChainMap({"a": 1}, {"b": 2}) | {"c": 3})
show("d | cm", lambda: {"c": 3} | ChainMap({"a": 1}, {"b": 2, "a": 0}))
show("cm | list", lambda: ChainMap({"a": 1}) | [1])
m = ChainMap({"a": 1}, {"b": 2})
m |= {"z": 26}
print(m)

# A defaultdict in the chain fills in a default on lookup.
dd = defaultdict(int)
chain = ChainMap(dd, {"x": 1})
print(chain["x"], dd)
print(chain["y"], dd)

# Copies and fromkeys.
first = {"a": 1}
c2 = ChainMap(first, {"b": 2})
c3 = c2.copy()
c3["a"] = 99
print(c2, c3)
print(ChainMap.fromkeys("ab", 0), ChainMap.fromkeys([1, 2]))
empty = ChainMap({})
show("popitem empty", lambda: empty.popitem())
print(ChainMap({"a": 1, "b": 2}).popitem())
cm.clear()
print(cm, type(cm).__name__)
