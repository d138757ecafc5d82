# Structural pattern matching on namedtuple classes: positional patterns
# through __match_args__, keyword patterns, sequence patterns, and the
# errors a class pattern can raise.
from collections import namedtuple
from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: int


class Line(NamedTuple):
    start: Point
    end: Point
    label: str = ""


Color = namedtuple("Color", "r g b")


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"on the diagonal at {x}"
        case Point(x=x, y=y):
            return f"at {x}, {y}"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7), (1, 7), "xy"]:
    print(repr(p), "->", where(p))


def shape(obj):
    match obj:
        case Line(Point(x1, y1), Point(x2, y2), label=label) if label:
            return f"line {label!r} from {x1},{y1} to {x2},{y2}"
        case Line(start=Point(x, y), end=end):
            return f"unlabelled line from {x},{y} to {end}"
        case Color(r, g, b) if r == g == b:
            return f"grey {r}"
        case Color(r=255, g=g, b=b):
            return f"reddish {g} {b}"
        case Color():
            return "some color"
        case (a, b, c):
            return f"a triple {a} {b} {c}"
        case (a, b):
            return f"a pair {a} {b}"
        case [first, *rest]:
            return f"a sequence starting {first} with {len(rest)} more"
        case _:
            return "something else"


things = [
    Line(Point(0, 0), Point(1, 1), "diag"),
    Line(Point(2, 3), Point(4, 5)),
    Color(9, 9, 9),
    Color(255, 1, 2),
    Color(1, 2, 3),
    (1, 2, 3),
    Point(5, 6),
    [1, 2, 3, 4],
    42,
]
for t in things:
    print(shape(t))

# Namedtuples are sequences: sequence patterns see their items.
match Color(1, 2, 3):
    case [r, *rest]:
        print("star", r, rest)
match Point(4, 5):
    case (a, b):
        print("pair", a, b)
match Point(4, 5):
    case tuple(items):
        print("as tuple", items)
match Point(4, 5):
    case {"x": x}:
        print("mapping?!", x)
    case Point() as whole:
        print("captured", whole)

print(Point.__match_args__, Color.__match_args__, Line.__match_args__)


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def too_many(p):
    match p:
        case Point(a, b, c):
            return (a, b, c)


def twice(p):
    match p:
        case Point(x, x=other):
            return (x, other)


def missing(p):
    match p:
        case Point(z=z):
            return z
        case _:
            return "no z"


attempt("too many", lambda: too_many(Point(1, 2)))
attempt("twice", lambda: twice(Point(1, 2)))
attempt("missing attribute", lambda: missing(Point(1, 2)))
