# Operator overloading and the common dunder methods.
class Vector:
    def __init__(self, *coords):
        self.coords = tuple(coords)

    def __repr__(self):
        return f"Vector{self.coords}"

    def __str__(self):
        return "<" + ", ".join(str(c) for c in self.coords) + ">"

    def __len__(self):
        return len(self.coords)

    def __getitem__(self, i):
        return self.coords[i]

    def __iter__(self):
        return iter(self.coords)

    def __contains__(self, x):
        return x in self.coords

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self, other)))

    def __mul__(self, k):
        return Vector(*(a * k for a in self))

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __eq__(self, other):
        return isinstance(other, Vector) and self.coords == other.coords

    def __hash__(self):
        return hash(self.coords)

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __abs__(self):
        return sum(c * c for c in self) ** 0.5

    def __bool__(self):
        return any(self.coords)

    def __call__(self, scale):
        return self * scale

v = Vector(3, 4)
w = Vector(1, 2)
print(v, repr(v), len(v), v[0], v[-1], list(v), 4 in v, 9 in v)
print(v + w, v * 2, 3 * w, -v, abs(v), v == Vector(3, 4), v != w, v < w, sorted([v, w]))
print(bool(Vector(0, 0)), bool(v), {v: "v"}[Vector(3, 4)], v(10), max([w, v]))

class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)), sum(Countdown(4)), [x for x in Countdown(3)])

class Grid:
    def __init__(self):
        self.cells = {}

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __getitem__(self, key):
        return self.cells.get(key, ".")

    def __delitem__(self, key):
        del self.cells[key]

g = Grid()
g[0, 0] = "#"
g[1, 2] = "@"
del g[0, 0]
print(g[0, 0], g[1, 2], g.cells)

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __iadd__(self, other):
        self.cents += other.cents
        return self

    def __radd__(self, other):
        return Money(self.cents + other)

    def __format__(self, spec):
        return format(self.cents / 100, spec)

wallet = Money(150)
alias = wallet
wallet += Money(275)
print(alias is wallet, f"{wallet:.2f}", f"{sum([Money(5), Money(10)], 0):>8.2f}")
