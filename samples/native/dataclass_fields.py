# Plain dataclasses whose generated __init__ py2rs writes out as a def, so
# that their fields are fixed and their methods run natively; every way a
# caller can see that __init__ must still be CPython's.
from dataclasses import dataclass, asdict, astuple, fields, replace


@dataclass
class Vec:
    x: float
    y: float = 0.0

    def dot(self, other: "Vec") -> float:
        return self.x * other.x + self.y * other.y

    def scaled(self, k: float) -> "Vec":
        return Vec(self.x * k, self.y * k)


@dataclass
class Counter:
    """Counts, with a negative start."""
    name: str
    start: int = -1
    step: int = +2
    label: str | None = None

    def __post_init__(self):
        if self.step == 0:
            raise ValueError(f"{self.name}: step must not be 0")
        self.current = self.start

    def tick(self) -> int:
        self.current += self.step
        return self.current


@dataclass
class Cell:
    value: int
    alive: bool = True


def total(cells: list, rounds: int) -> int:
    acc = 0
    for r in range(rounds):
        for c in cells:
            if c.alive:
                acc += c.value * r
                if acc % 7 == 0:
                    c.alive = False
            else:
                c.alive = True
    return acc


@dataclass(order=True, repr=True)
class Version:
    major: int
    minor: int = 0

    def bump(self) -> "Version":
        return Version(self.major, self.minor + 1)


class Named(Vec):
    def __init__(self, name, x, y):
        super().__init__(x, y)
        self.name = name


@dataclass
class Vec3(Vec):
    z: float = 0.0


def norm2(v: Vec) -> float:
    return v.dot(v)


a = Vec(3.0, 4.0)
b = Vec(1.5)
print(a, b, a == Vec(3.0, 4.0), a == b)
print(a.dot(b), norm2(a), a.scaled(2.0), norm2(a.scaled(0.5)))
print(Vec(y=2.0, x=1.0), Vec(2), Vec(2).dot(Vec(3)), type(Vec(2).x).__name__)
print(Vec.__match_args__, [f.name for f in fields(Vec)], asdict(a), astuple(b))
print(replace(a, y=-1.0), Vec.__init__.__qualname__, Vec.__init__.__name__)
print(Vec.y, "x" in Vec.__dict__, vars(a))
for bad in [(), (1.0, 2.0, 3.0)]:
    try:
        Vec(*bad)
    except TypeError as e:
        print("TypeError:", e)
for kw in [{"z": 1}, {"x": 1}]:
    try:
        Vec(1.0, **kw)
    except TypeError as e:
        print("TypeError:", e)

c = Counter("c")
print(c, c.tick(), c.tick(), c.current, Counter("d", 10, -3).tick())
print(Counter("e", label="L"), Counter.__doc__)
try:
    Counter("zero", step=0)
except ValueError as e:
    print("ValueError:", e)

cells = [Cell(i) for i in range(1, 40)]
print(total(cells, 2000), sum(c.alive for c in cells), cells[:3])
cells[5].extra = "seen"
print(total(cells, 10), cells[5])

n = Named("n", 1.0, 2.0)
print(n, n.name, norm2(n), Vec3(1.0, 2.0, 3.0), Vec3(1.0).dot(Vec(2.0, 1.0)))
vs = [Version(1, 2), Version(1), Version(0, 9).bump(), Version(1).bump()]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 5), hash(Version) != 0)
m = Vec(1, 2)
m.x = "text"
print(m, m == Vec("text", 2))
try:
    m.dot(a)
except TypeError as e:
    print("TypeError:", e)
Counter("late", step=0)
