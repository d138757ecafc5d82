# dataclass(slots=True), unsafe_hash, kw_only, field options, and a
# descriptor with __delete__ next to a property deleter.
from dataclasses import FrozenInstanceError, KW_ONLY, InitVar, dataclass, field, fields


@dataclass(slots=True)
class Pixel:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


p = Pixel(1)
p.tags.append("hot")
print(p, Pixel.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str = field(default="x", compare=False)


print(hash(Key(1)) == hash(Key(1, "other")), Key(1) == Key(1, "y"), len({Key(1), Key(1, "z")}))


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.a *= scale


print(Mixed(3, b=4, scale=10), [f.name for f in fields(Mixed)])
for bad in (lambda: Mixed(1, 2), lambda: Mixed(), lambda: Pixel(1, 2, [], 4), lambda: Pixel(y=1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Tracked:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.name, "<unset>")

    def __set__(self, obj, value):
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)


class Box:
    item = Tracked()

    def __init__(self):
        self._size = 1

    @property
    def size(self):
        return self._size

    @size.deleter
    def size(self):
        print("size deleter")
        del self._size


b = Box()
b.item = "apple"
print(b.item, vars(b))
del b.item
print(b.item, vars(b))
del b.size
print(vars(b), type(Box.item).__name__)


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


pt = Point(1.5, 2)
print(pt, pt == Point(1.5, 2.0), hash(pt) == hash(Point(1.5, 2)))
pt.x = 0
