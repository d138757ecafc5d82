# Dataclasses whose one base is a plain dataclass: the written __init__ takes
# the base's fields first (a redeclared one keeps its place), and calls an
# inherited __post_init__; their fields stay fixed and their methods native.
from dataclasses import dataclass, fields


@dataclass
class A:
    x: int
    y: int = 1

    def __post_init__(self):
        self.total = self.x + self.y


@dataclass
class B(A):
    x: int = 10
    z: float = 0.5

    def scaled(self) -> float:
        return self.total * self.z


@dataclass(order=True)
class C(B):
    w: str = "w"


b = B()
print(b, b.total, b.scaled(), [f.name for f in fields(B)], B.__match_args__)
c = C(1, 2, 3.0, "q")
print(c, c.total, c.scaled(), C(1) < C(2), B(y=5) == B(10, 5))
try:
    @dataclass
    class D(A):
        z: int
except TypeError as e:
    print("TypeError:", e)
match c:
    case C(x, y, z, w):
        print("matched", x, y, z, w)
