# Fixed-layout classes with fixed-layout bases: inherited methods and
# fields, super().__init__() and super().method(), overrides dispatched by
# the instance's class, and a dynamic world that rebinds methods of a base
# or subclasses a fixed class itself; every native path must agree with
# CPython's.


class Shape:
    def __init__(self, kind):
        self.kind = kind
        self.moves = 0

    def area(self):
        return 0

    def scaled_area(self, k):
        return self.area() * k * k

    def per(self, n):
        return self.area() // n

    def move(self, n):
        for _ in range(n):
            self.moves += 1
        return self.moves


class Square(Shape):
    def __init__(self, side):
        super().__init__(4)
        self.side = side

    def area(self):
        return self.side * self.side


class Rect(Square):
    def __init__(self, side, other):
        self.other = other
        super().__init__(side)

    def area(self):
        return self.side * self.other

    def half(self):
        return super().area() // 2


class Tile(Square):
    pass


class Counted:
    def __init__(self):
        super().__init__()
        self.count = 0

    def bump(self, n):
        self.count += n
        return self.count


class Big(Counted):
    def bump(self, n):
        return super().bump(n) * 1000000000000


def total(n: int) -> int:
    t = 0
    for i in range(n):
        r = Rect(i % 7, 3)
        t += r.area() + r.half() + r.scaled_area(2)
        s = Square(i % 5)
        t += s.area() + s.scaled_area(3)
        tile = Tile(i % 3)
        t += tile.scaled_area(1) + tile.move(2)
    return t


print(total(1000))
shapes = [Shape(0), Square(4), Rect(3, 5), Tile(6)]
for s in shapes:
    print(type(s).__name__, s.kind, s.area(), s.scaled_area(2), s.move(3))
print(shapes[2].half(), vars(shapes[2]))

# Overflow in an inherited method promotes to a big int.
b = Big()
print(b.bump(5), b.bump(10**6), b.count)
print(Big().bump(2**62))

# Rebinding a base's method reaches the subclasses that inherit it.
Shape.scaled_area = lambda self, k: -k
print([s.scaled_area(3) for s in shapes])
Square.area = lambda self: 1000
print([s.area() for s in shapes], shapes[2].half(), total(3))


# A subclass of a fixed class that is itself dynamic runs the base's
# methods on its instances.
def tagged(cls):
    cls.tag = "tagged"
    return cls


@tagged
class Odd(Rect):
    def area(self):
        return -1


o = Odd(2, 9)
print(o.half(), o.area(), o.scaled_area(2), o.move(4), o.tag)


# A descriptor's __set_name__ rebinds a method while the class is made:
# native code must not call the def it saw.
class Rebinder:
    def __set_name__(self, owner, name):
        owner.describe = lambda self: f"rebound {self.v}"


class Tricky:
    marker = Rebinder()

    def __init__(self, v):
        self.v = v

    def describe(self):
        return self.v * 2

    def twice(self):
        return (self.describe(), self.describe())


print(Tricky(21).twice())


# A base whose __init_subclass__ runs as each subclass is made (and binds
# a method on it) keeps its subclasses dynamic.
class Registry:
    names = []

    def __init_subclass__(cls):
        Registry.names.append(cls.__name__)
        cls.scale = lambda self: 3

    def scale(self):
        return 1

    def get(self):
        return self.scale() * 10


class Child(Registry):
    pass


print(Registry().get(), Child().get(), Registry.names)

# A property put on a subclass after instances exist takes over a field
# its base's __init__ stores (its setter drops the value).
before = Rect(3, 5)
Rect.other = property(lambda self: 100, lambda self, v: None)
after = Rect(3, 5)
print(before.area(), after.area(), before.half(), sorted(vars(after)))
print(total(4))


# Errors inside inherited methods surface with Python's message.
class Ratio(Shape):
    def __init__(self, a, b):
        super().__init__(9)
        self.a = a
        self.b = b

    def area(self):
        return self.a // self.b


print(Ratio(7, 2).per(2), Ratio(9, 2).per(-3))
print(Ratio(1, 0).per(1))
