from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar, KW_ONLY
from typing import ClassVar

@dataclass
class Point:
    x: float
    y: float

def classify(obj):
    match obj:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y-axis at {y}"
        case Point(x=x, y=0):
            return f"on x-axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"on diagonal at {x}"
        case Point():
            return "other point"
        case _:
            return "unknown"

for p in [Point(0, 0), Point(0, 2.5), Point(3, 0), Point(1, 1), Point(1, 2)]:
    print(p, classify(p))
print(Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1), Point.__match_args__)
try:
    Point(1)
except TypeError as e:
    print(e)

@dataclass(frozen=True, order=True)
class P:
    x: int
    y: int = 0
p = P(1)
try:
    p.x = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
print(p, P(1) < P(2), hash(p) == hash(P(1, 0)), sorted([P(3), P(1, 5), P(1, 2)]))
print(P.__doc__)

@dataclass
class C:
    a: int
    b: list = field(default_factory=list, repr=False)
    _: KW_ONLY
    c: int = 5
    d: InitVar[int] = 0
    count: ClassVar[int] = 0
    def __post_init__(self, d):
        self.a += d
        C.count += 1
c = C(1, d=10)
print(c, asdict(c), astuple(c), replace(c, a=7), C.count, C.__hash__)
print([f.name for f in fields(C)], C.__init__.__qualname__)

@dataclass
class Base:
    id: int
    tags: list = field(default_factory=list)
@dataclass
class Child(Base):
    name: str = "x"
ch = Child(1, ["a"], "kid")
print(ch, asdict(ch))
try:
    @dataclass
    class Bad:
        x: int = 1
        y: int
except TypeError as e:
    print(e)
q = P(5, 6)
q.y = 1
