# copy.copy and copy.deepcopy: what is shared and what is new, the hooks
# (__copy__, __deepcopy__, __getstate__/__setstate__), the memo, and the
# containers of collections.
import copy
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from dataclasses import dataclass, field
from enum import Enum

nested = [1, [2, 3], {"k": [4]}, (5, [6]), (7, 8)]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[1].append("x")
nested[2]["k"].append("y")
nested[3][1].append("z")
print(shallow)
print(deep)
print(shallow[1] is nested[1], deep[1] is nested[1], deep[4] is nested[4], deep[3] is nested[3])
print(copy.copy(nested[4]) is nested[4], copy.copy("s") == "s", copy.deepcopy(None))

d = {"a": {1, 2}, "b": frozenset({3}), "c": b"bytes"}
dd = copy.deepcopy(d)
d["a"].add(9)
print(dd, dd["b"] == d["b"], dd["c"] is d["c"])

cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[1] is cyc, len(cc))

shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.tags = ["p"]

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.tags})"


p = Point(1, 2)
p1 = copy.copy(p)
p2 = copy.deepcopy(p)
p.tags.append("moved")
print(p1, p2, p1.tags is p.tags, type(p2).__name__)


class Tracked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Tracked(self.v)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called with", type(memo).__name__)
        return Tracked(copy.deepcopy(self.v, memo))


t = Tracked([1])
print(copy.copy(t).v, copy.deepcopy(t).v == t.v)


class Stateful:
    def __init__(self):
        self.value = 3
        self.cache = "expensive"

    def __getstate__(self):
        return {"value": self.value}

    def __setstate__(self, state):
        print("setstate", state)
        self.__dict__.update(state)
        self.cache = None


s2 = copy.deepcopy(Stateful())
print(s2.value, s2.cache)


class NoInit:
    def __init__(self):
        print("__init__ runs once")
        self.n = 1


ni = NoInit()
print(copy.copy(ni).n, copy.deepcopy(ni).n)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]


sl = copy.deepcopy(Slotted())
print(sl.a, hasattr(sl, "b"))


@dataclass
class Inventory:
    name: str
    items: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Frozen:
    xs: tuple


inv = Inventory("box", ["a"])
inv2 = copy.deepcopy(inv)
inv.items.append("b")
print(inv, inv2, inv == inv2)
fr = Frozen((1, [2]))
fr2 = copy.deepcopy(fr)
print(fr2, fr2 == fr, fr2 is fr)


class Color(Enum):
    RED = 1


print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.RED])[0] is Color.RED)

Pt = namedtuple("Pt", "x y")
np_ = Pt([1], 2)
np2 = copy.deepcopy(np_)
np_.x.append(5)
print(np2, copy.copy(np_) == np_, type(np2).__name__)

dq = deque([[1], [2]], maxlen=3)
dq2 = copy.deepcopy(dq)
dq[0].append(9)
print(dq2, dq2.maxlen, copy.copy(dq))
ddict = defaultdict(list, {"a": [1]})
dd2 = copy.deepcopy(ddict)
dd2["b"].append(2)
print(dd2, ddict)
print(copy.deepcopy(Counter("abca")), copy.copy(OrderedDict(a=1, b=2)))

memo = {}
v = [1, 2]
copy.deepcopy(v, memo)
print(len(memo), memo[id(v)] == v, memo[id(memo)] == [v])

err = ValueError("bad", 7)
err.extra = "info"
e2 = copy.deepcopy(err)
print(repr(e2), e2.args, e2.extra, e2 is err)


def f():
    return 1


print(copy.deepcopy(f) is f, copy.copy(len) is len, copy.deepcopy(Point) is Point)
try:
    copy.copy()
except TypeError as e:
    print(e)
try:
    copy.deepcopy(1, {}, [], 4)
except TypeError as e:
    print(e)
