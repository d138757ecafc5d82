# In an enum's body `auto()` takes its value as the assignment runs (as
# CPython's _EnumDict does), so later lines can combine the members.
import enum
from enum import Enum, Flag, IntFlag, StrEnum, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
    ALL = R | W | X
    NONE = 0


print(Perm.RW, Perm.ALL, list(Perm), Perm(3), Perm.R | Perm.W, Perm.NONE)
print(Perm.RW.value, len(Perm), Perm.ALL & ~Perm.W)


class Bits(IntFlag):
    A = auto()
    B = enum.auto()
    AB = A | B
    C = auto()


print(Bits.AB, Bits.AB.value, Bits(3), repr(Bits.AB), Bits.C.value, Bits(7))


class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    LAST = SECOND + 10
    AFTER = auto()


print([(s.name, s.value) for s in Step])


class Mode(StrEnum):
    FAST = auto()
    SLOW = auto()
    BOTH = FAST + "+" + SLOW


print(list(Mode), Mode.BOTH.value)


class Plain:
    token = auto()


print(type(Plain.token).__name__)
