# Enums mixing in str and int (`class Color(str, Enum)`): members are strs and
# ints, hashing and comparing as their values, printing as enum members.
from enum import Enum, IntEnum
import json

class Color(str, Enum):
    RED = "red"
    GREEN = "green"

class Num(int, Enum):
    ONE = 1
    TWO = 2

print(Color.RED == "red", isinstance(Color.RED, str), str(Color.RED), repr(Color.RED), f"{Color.RED}", Color.RED.value)
print(Color("green"), Color.RED.upper(), json.dumps([Color.RED]), "red" in [Color.RED], {Color.RED: 1}.get("red"))
print(Num.TWO + 1, Num.ONE == 1, str(Num.ONE), repr(Num.TWO), f"{Num.TWO}", Num(2), list(Num))
print(sorted(Num, reverse=True), Num.TWO * "ab", hash(Num.ONE) == hash(1), Color.__mro__)

class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2
    def describe(self):
        return f"{self.name.lower()}#{self.value}"

print(Shape.SQUARE.describe(), Shape(1).describe(), Shape["CIRCLE"], Shape.CIRCLE < Shape.SQUARE, int(Shape.SQUARE))
try:
    Shape(5)
except ValueError as e:
    print("ValueError:", e)
try:
    format(Num.TWO, "03d")
except ValueError as e:
    print("ValueError:", e)
