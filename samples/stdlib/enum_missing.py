# Enum's _missing_ hook: a member found another way, None for the ValueError,
# anything else a TypeError.
from enum import Enum, IntEnum
class Shade(Enum):
    DARK = 1
    LIGHT = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
print(Shade("dark"), Shade(2))
try:
    Shade(99)
except ValueError as e:
    print("ValueError:", e)
class Bad(IntEnum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return 3
try:
    Bad(7)
except TypeError as e:
    print("TypeError:", e)
