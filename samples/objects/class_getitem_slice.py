# __class_getitem__ is an implicit classmethod; slice is a type; enum
# classes list their members (aliases too) in __members__.
from enum import Enum


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item!r}]"


class Crate(Box):
    pass


print(Box[int], Crate["x"], Crate[3])

s = slice(1, 5, 2)
print(isinstance(s, slice), type(s).__name__, type(s) is slice, s.indices(10))
print(slice(3), slice(None), slice(1, None, -1), [0, 1, 2, 3, 4, 5][slice(1, None, 2)])
print(isinstance(3, slice), slice.__name__)


class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1


print(list(Color), list(Color.__members__), len(Color.__members__))
print(Color.__members__["CRIMSON"], [(n, m.value) for n, m in Color.__members__.items()])
print("GREEN" in Color.__members__, Color.__members__.get("BLUE"))
