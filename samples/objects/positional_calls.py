# Calls with positional arguments only go to a function's Rust entry without
# an argument vector when they can; every case where they cannot (defaults,
# __new__, abstract classes, metaclass __call__, shadowing, patching) must
# still behave as CPython does.
from abc import ABC, abstractmethod


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return V(self.x + other.x, self.y + other.y)

    def scale(self, k, j=1):
        return V(self.x * k * j, self.y * k * j)

    def __repr__(self):
        return f"V({self.x}, {self.y})"


v = V(1, 2)
print(v.add(V(3, 4)), v.scale(2), v.scale(2, 3))
v.add = lambda o: "shadowed"
print(v.add(v), V.add(v, v))
try:
    V(1)
except TypeError as e:
    print("TypeError:", e)
try:
    v.scale()
except TypeError as e:
    print("TypeError:", e)
try:
    V(1, 2).scale(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


class Bad:
    def __init__(self, a):
        return a


try:
    Bad(3)
except TypeError as e:
    print("TypeError:", e)
print(type(Bad(None)).__name__)


class WithNew:
    def __new__(cls, a):
        print("new", a)
        return super().__new__(cls)

    def __init__(self, a):
        self.a = a


print(WithNew(5).a)


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    def __init__(self, s):
        self.s = s


try:
    Shape(1)
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, a, b):
        self.t = a + b


print(M(1, 2).t)


class Star:
    def __init__(self, *args):
        self.n = len(args)


print(Star(1, 2, 3).n, Star(1).n)
xs = []
for i in range(3):
    xs.append(i * i)
print(xs)
m = v.scale
print(m(3))
V.scale = lambda self, k: "patched"
print(V(1, 1).scale(2))


def f(a, b=2, c=3):
    return a + b + c


print(f(1), f(1, 1), f(1, 1, 1))
g = f
print(g(10, 20))
print(max(3, 4), abs(-2), len("abc"))
