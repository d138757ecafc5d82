# Plain dataclasses (their __init__ written out, their fields fixed) under
# what the dynamic world can do: a dataclass subclass, options, fields named
# like builtins, writes through __dict__ and object.__setattr__, a method
# replaced on the class.
from dataclasses import dataclass, field, fields


@dataclass
class Base:
    x: int
    y: int = 1

    def total(self) -> int:
        return self.x + self.y


@dataclass
class Child(Base):
    y: int = 5
    z: int = 0


@dataclass(eq=False)
class NoEq:
    a: int


@dataclass
class Ids:
    id: int
    type: str = "t"
    print: int = 0


c = Child(1)
print(c, c.total(), [f.name for f in fields(c)], Base(2) == Base(2, 1), Base(1) == 1)
print(NoEq(1) == NoEq(1), Ids(3), Ids.__hash__, Base.__eq__(Base(1), "x"))
b = Base(1, 2)
b.__dict__["w"] = 3
print(b.total(), b.w, vars(b))
object.__setattr__(b, "x", 10)
print(b.total())
Base.total = lambda self: -1
print(Base(1).total(), c.total())
