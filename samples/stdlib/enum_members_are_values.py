# IntEnum and IntFlag members are ints: isinstance, arithmetic, indexing, json.
from enum import IntEnum, IntFlag, Enum
import json

class Color(IntEnum):
    RED = 1
    GREEN = 2
    BLUE = 3

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1

print(isinstance(Color.RED, int), Color.RED + 1, Color.GREEN * 2, Color.RED < Color.BLUE)
print(json.dumps({"c": Color.RED, "p": Perm.R | Perm.W}))
print(sorted([Color.BLUE, 1, Color.GREEN]))
print(Color.RED == 1, hash(Color.RED) == hash(1), {1: "one"}[Color.RED])
print(int(Perm.R | Perm.X), Perm.R | 1, str(Color.RED), repr(Color.RED), f"{Color.RED}", format(Color.GREEN, "03d"))
print([1, 2, 3, 4][Color.GREEN], "ab" * Color.GREEN, range(Color.BLUE))
print(Color(2), Color.RED.value, Color.RED.name, Perm(6), ~Perm.R)

class MyInt(int):
    def double(self):
        return self * 2
    def __repr__(self):
        return f"MyInt({int(self)})"

m = MyInt(21)
print(m, repr(m), m.double(), m + 1, isinstance(m, int), type(m + 1).__name__)
print(json.dumps([m]), [10, 20, 30][MyInt(1)], sum([MyInt(1), MyInt(2)]))
class Tag(str):
    def shout(self):
        return self.upper() + "!"
t = Tag("hi")
print(t, t.shout(), t + "x", isinstance(t, str), len(t), json.dumps(t))
