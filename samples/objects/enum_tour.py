from enum import Enum, IntEnum, StrEnum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name.lower()} ({self.value})"
class P(IntEnum):
    LOW = auto()
    HIGH = auto()
class S(StrEnum):
    A = auto()
    B = "bee"
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
print(Color.RED, repr(Color.RED), Color(2), Color["BLUE"], list(Color), Color.CRIMSON is Color.RED, len(Color))
print(Color.RED.name, Color.RED.value, type(Color.RED), Color, isinstance(Color.RED, Color), Color.GREEN.describe())
print(P.LOW, repr(P.HIGH), P.LOW + 1, P.HIGH == 2, f"{P.LOW}", str(P.LOW), sorted([P.HIGH, P.LOW]))
print(S.A, repr(S.A), S.B == "bee", f"{S.B}", S.B.upper())
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm(7), Perm.R in (Perm.R | Perm.X), list(Perm.R|Perm.X))
try:
    Color(9)
except ValueError as e:
    print(e)
try:
    Color["NOPE"]
except KeyError as e:
    print(repr(e))
print(Color.RED == 1, format(Color.RED), f"{Color.GREEN!r}", [m.value for m in P])
def paint(c):
    match c:
        case Color.RED:
            return "warm"
        case Color.GREEN | Color.BLUE:
            return "cool"
print(paint(Color.CRIMSON), paint(Color.BLUE), {Color.RED: "r"}[Color.RED])
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.MERCURY.value)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
