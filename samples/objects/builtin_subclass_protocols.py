# More of what instances of built-in subclasses inherit: formatting, matching,
# copying, in-place operators, enum members that are ints and strs.
import copy
from enum import IntEnum, StrEnum, auto
from dataclasses import dataclass

class Hex(int):
    pass

print(Hex(5), Hex("12"), Hex("ff", 16), Hex(), type(Hex(5)).__name__, Hex(3) + Hex(4))
print("%d and %s and %x" % (Hex(10), Hex(11), Hex(255)), "{:d}|{:05}|{!r}".format(Hex(7), Hex(8), Hex(9)))
print(isinstance(Hex(1), (str, int)), max(Hex(3), 2), [Hex(2)] * 2, divmod(Hex(7), 2), Hex(7) // 2, -Hex(3), abs(Hex(-4)), ~Hex(0))
print(Hex(10) in {10: 1}, {Hex(1): "a"}.get(1), 1 in [Hex(1)], Hex(2) ** 10, Hex(3) << 2)

class Name(str):
    def greet(self):
        return "hi " + self

n = Name("bob")
print(", ".join([n, Name("al")]), n.greet(), n.title(), n * 2, n == "bob", n < "carl", sorted([Name("z"), "a"]))
print({n: 1}, {"bob": 2}[n], n.startswith("b"), n.split("o"), f"{n!r} {n:>5}|", n.encode(), str(n), type(str(n)).__name__)
for ch in n:
    print(ch, end=" ")
print()

class Status(StrEnum):
    OK = auto()
    FAIL = auto()

class Level(IntEnum):
    LOW = 1
    HIGH = 3

print(Status.OK, Status.OK.upper(), "x" + Status.OK, Status.OK == "ok", isinstance(Status.FAIL, str), len(Status.FAIL))
print(Level.HIGH in [3], range(Level.HIGH), max(Level), Level.LOW + Level.HIGH, sorted([Level.HIGH, 2, Level.LOW]), Level(3))
print([1, 2, 3, 4][Level.HIGH], Level.HIGH.bit_length(), float(Level.HIGH), Level.HIGH.real, hash(Level.LOW) == hash(1))

def describe(v):
    match v:
        case bool():
            return "bool"
        case Level.HIGH:
            return "high"
        case int(x) if x > 100:
            return f"big {x}"
        case int():
            return "int"
        case str(s):
            return f"str {s}"
        case _:
            return "other"

print(describe(Hex(500)), describe(Hex(5)), describe(Level.HIGH), describe(Level.LOW), describe(n), describe(3.0))

class Env(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        self[name] = value

e = Env(HOME="/root")
e.USER = "me"
print(e.HOME, e.USER, e, sorted(e.keys()))
try:
    e.MISSING
except AttributeError as err:
    print("AttributeError", err)

class Deck(list):
    def __repr__(self):
        return f"Deck({super().__repr__()})"

d = Deck("abc")
c2 = copy.copy(d)
print(d, repr(d), str(d), c2, type(c2).__name__, d[::-1], d.index("b"), d.count("a"))
d.sort(reverse=True)
print(d, len(d), d * 2, d + ["z"], type(d + ["z"]).__name__)

class Money(float):
    def __str__(self):
        return f"${self:.2f}"
m = Money(3.14159)
print(m, str(m), repr(m), f"{m}", f"{m:.1f}", [m], m * 2, round(m, 2))

class Pair(tuple):
    def __repr__(self):
        return "Pair" + super().__repr__()
p = Pair([1, 2])
print(p, p[0], p.count(1), hash(p) == hash((1, 2)), tuple(p), list(p), p == (1, 2), type(p[:1]).__name__)

print(type(Hex), Hex.__mro__, Hex.__bases__, Level.__mro__)
x = Hex(4)
x += 1
print(x, type(x).__name__)
t = Deck([1])
t += [2]
print(t, type(t).__name__)
