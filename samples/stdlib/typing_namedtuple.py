# typing.NamedTuple (class syntax and functional form) and
# collections.namedtuple: construction, defaults, the generated helpers,
# tuple behaviour, subclassing, and CPython's error messages.
from collections import namedtuple
from typing import NamedTuple, Optional


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Point(NamedTuple):
    """A point in the plane."""

    x: int
    y: int = 0

    def dist2(self):
        return self.x * self.x + self.y * self.y

    @property
    def swapped(self):
        return Point(self.y, self.x)

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def describe():
        return "Point(x, y)"

    def __str__(self):
        return f"<{self.x}, {self.y}>"


p = Point(3, 4)
print(p, repr(p), str(p), f"{p!r}")
print(p.x, p.y, p[0], p[-1], p[:1], p.dist2(), p.swapped, Point.origin(), Point.describe())
print(Point(1), Point(y=5, x=2), Point(*[7, 8]), Point(**{"x": 1, "y": 2}))
print(Point._fields, Point._field_defaults, Point.__doc__, Point.__match_args__)
print(Point.__annotations__, Point.__name__, Point.__qualname__, Point.__module__)
print([c.__name__ for c in Point.__mro__], Point.__bases__, Point.__orig_bases__[0].__name__)
print(p._asdict(), type(p._asdict()).__name__, p._replace(y=10), p._replace(), Point._make([5, 6]), Point._make(range(2)))
print(type(p) is Point, isinstance(p, tuple), issubclass(Point, tuple), type(p).__name__)

# Tuple behaviour.
a, b = p
print(a, b, len(p), list(p), tuple(p), 4 in p, 9 in p, p.count(3), p.index(4), bool(p))
print(p == (3, 4), (3, 4) == p, p != (3, 4), p == Point(3, 4), p == [3, 4], hash(p) == hash((3, 4)))
print(p < Point(3, 5), p <= (3, 4), p > (2, 100), p >= Point(4, 0), (3, 5) > p)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max([Point(0, 9), Point(1, 0)]), min(p))
print(p + (5,), (0,) + p, p + Point(1, 2), p * 2, 2 * p, p * 0)
print({p: "p"}[(3, 4)], {(3, 4): "t"}[p], len({p, (3, 4), Point(3, 4)}))
print("%s and %s" % tuple(p), "{} {}".format(*p), [*p, *Point(1)], dict([Point(1, 2)]))
for i, v in enumerate(Point(9, 8)):
    print("item", i, v)
print(list(zip(*[Point(1, 2), Point(3, 4)])), sum(Point(10, 20)), list(reversed(p)))

# Errors, as CPython words them.
attempt("no args", lambda: Point())
attempt("too many", lambda: Point(1, 2, 3))
attempt("twice", lambda: Point(1, x=2))
attempt("unknown kw", lambda: Point(1, z=2))
attempt("set field", lambda: setattr(p, "x", 5))
attempt("set other", lambda: setattr(p, "z", 5))
attempt("make short", lambda: Point._make([1]))
attempt("replace bad", lambda: p._replace(z=1, w=2))
attempt("index", lambda: p[2])
attempt("compare", lambda: p < 3)
attempt("concat", lambda: p + 1)
attempt("radd", lambda: 1 + p)
attempt("repeat", lambda: p * "a")
attempt("missing attr", lambda: p.z)
attempt("no dict", lambda: p.__dict__)


class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    manager: Optional[str] = None


print(Employee("ann"), Employee("bob", "ops", "ann"), Employee._field_defaults)
print(Employee.__annotations__)


# Subclassing a generated class adds methods and keeps the tuple.
class Point3(Point):
    __slots__ = ()

    def dist2(self):
        return super().dist2() * 10

    def __repr__(self):
        return "Point3" + repr(tuple(self))


q = Point3(1, 2)
print(q, repr(q), q.dist2(), q.swapped, type(q).__name__, [c.__name__ for c in Point3.__mro__])
print(q == p, q == (1, 2), isinstance(q, Point), q._replace(x=7), type(q._replace(x=7)).__name__, Point3._make([4, 4]))
attempt("slotted set", lambda: setattr(q, "extra", 1))

# Functional forms.
Pair = NamedTuple("Pair", [("left", int), ("right", str)])
print(Pair(1, "a"), Pair.__annotations__, Pair._fields, Pair.__orig_bases__[0].__name__)
Empty = NamedTuple("Empty", [])
print(Empty(), Empty._fields, len(Empty()))
Kw = NamedTuple("Kw", a=int, b=str)
print(Kw(1, "z"), Kw.__annotations__)
attempt("both forms", lambda: NamedTuple("Bad", [("a", int)], b=int))

Card = namedtuple("Card", "rank suit", defaults=["spades"])
print(Card("A"), Card("K", "hearts"), Card._field_defaults, Card.__doc__, Card.__new__.__defaults__)
print(Card.rank, Card.rank.__doc__)
Renamed = namedtuple("Renamed", ["ok", "def", "ok", "_x", "1y"], rename=True)
print(Renamed._fields)
attempt("keyword field", lambda: namedtuple("Bad", "a class"))
attempt("underscore", lambda: namedtuple("Bad", "a _b"))
attempt("duplicate", lambda: namedtuple("Bad", "a b a"))
attempt("identifier", lambda: namedtuple("Bad", "a 1b"))
attempt("bad typename", lambda: namedtuple("my type", "a"))
attempt("defaults", lambda: namedtuple("Bad", "a", defaults=[1, 2]))
attempt("positional", lambda: namedtuple("Bad"))


class Row(namedtuple("Row", "id label")):
    def show(self):
        return f"#{self.id}: {self.label}"


r = Row(1, "first")
print(r, r.show(), r._asdict(), Row._fields, Row.__mro__[1].__name__)



def make_bad_order():
    class Bad(NamedTuple):
        a: int = 0
        b: int

    return Bad


def make_prohibited():
    class Bad(NamedTuple):
        a: int

        def _asdict(self):
            return {}

    return Bad


def make_underscore():
    class Bad(NamedTuple):
        _a: int

    return Bad


def make_mixed():
    class Bad(NamedTuple, object):
        a: int

    return Bad


attempt("default order", make_bad_order)
attempt("prohibited", make_prohibited)
attempt("underscore field", make_underscore)
attempt("other base", make_mixed)

# A subclass without __slots__ gives its instances a __dict__.
class Tagged(Point):
    pass


t = Tagged(1, 2)
print(vars(t), t.__dict__)
t.tag = "hello"
print(t.tag, vars(t), t, t == (1, 2))
del t.tag
print(vars(t))
attempt("del field", lambda: delattr(t, "x"))
attempt("del missing", lambda: delattr(t, "nothing"))
attempt("del slotted", lambda: delattr(p, "x"))


# __new__ overridden in a subclass of namedtuple().
class Scaled(namedtuple("Scaled", "a b")):
    __slots__ = ()

    def __new__(cls, a, b=1):
        return super().__new__(cls, a * 10, b)


print(Scaled(2), Scaled(2, 3), Scaled._make([1, 1]), Scaled.__new__.__doc__ is None)
print(Card.__new__.__doc__, Card._make.__doc__, Card._asdict.__doc__)


# Operators a NamedTuple body defines win over the tuple ones.
class Vec(NamedTuple):
    x: float
    y: float

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __abs__(self):
        return (self.x**2 + self.y**2) ** 0.5


v = Vec(1.5, 2.0) + Vec(1.5, 2.0)
print(v, v * 2, abs(Vec(3.0, 4.0)), Vec(1, 1) == (1, 1))

# Namedtuples are tuples to %-formatting and json.
import json

print("%d-%d" % Point(7, 8), json.dumps({"p": Point(1, 2), "l": [Card("Q")]}))
