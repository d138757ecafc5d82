# Class patterns on fixed-layout classes test and read an instance by
# index while its class is unchanged; every change the dynamic world can
# make (to the instance, the class, or with a subclass) must still give
# CPython's answer.
from dataclasses import dataclass


@dataclass
class Move:
    dx: int
    dy: int = 0


class Pair:
    __match_args__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


class Plain:
    def __init__(self, v):
        self.v = v


class Fast(Move):
    pass


def describe(event):
    match event:
        case Move(0, 0):
            return "still"
        case Move(dx, dy=0):
            return f"horizontal {dx}"
        case Move(dx=dx, dy=dy) if dx == dy:
            return f"diagonal {dx}"
        case Move(dx, dy):
            return f"move {dx},{dy}"
        case Pair(Pair(a, b), right=c):
            return f"nested {a} {b} {c}"
        case Pair(left, right):
            return f"pair {left} {right}"
        case Plain(v=[x, *rest]):
            return f"plain list {x} +{len(rest)}"
        case Plain(v=v):
            return f"plain {v!r}"
        case _:
            return f"other {event!r}"


events = [Move(0, 0), Move(3), Move(2, 2), Move(1, -4), Pair(Pair(1, 2), 3),
          Pair("a", "b"), Plain([1, 2, 3]), Plain(None), Fast(5, 6), 42]
for e in events:
    print(describe(e))

total = 0
for i in range(20000):
    match Move(i % 5, i % 3):
        case Move(0, dy):
            total += dy
        case Move(dx, 0):
            total -= dx
        case Move(dx=dx, dy=dy):
            total += dx * dy
print(total)

# All attributes are loaded before any sub-pattern is tried, and one named
# twice is a TypeError.
class Probe:
    __match_args__ = ("a", "a")

    @property
    def a(self):
        print("get a")
        return 1

    @property
    def b(self):
        print("get b")
        return 2


for v in [Probe(), 5, "s", 2.5]:
    match v:
        case Probe(a=0, b=2):
            print("no")
        case int(x) if x > 3:
            print("int", x)
        case str(s):
            print("str", s)
        case float(real=r):
            print("float", r)
        case Probe(b=3):
            print("b3")
        case _:
            print("other")
try:
    match Probe():
        case Probe(x, y):
            pass
except TypeError as e:
    print("TypeError:", e)

# An attribute deleted from an instance: the pattern no longer finds it.
m = Move(1, 2)
del m.dy
print(describe(m), Move.dy)
m.dy = 5
print(describe(m))
# An extra attribute on an instance.
m2 = Move(7, 7)
m2.note = "x"
print(describe(m2))
# A class pattern on a class whose __match_args__ changed.
print(describe(Pair(Move(1, 2), 0)))
Move.__match_args__ = ("dy", "dx")
try:
    describe(Move(1, 9))
except TypeError as e:
    print("TypeError:", e)
match Move(1, 9):
    case Move(a, b):
        print("swapped", a, b)
Pair.__match_args__ = ("left",)
try:
    describe(Pair(1, 2))
except TypeError as e:
    print("TypeError:", e)
describe(Pair(Pair(1, 2), 3))
