# What dynamic code may do to a fixed-layout class or its instances, and
# the native methods must then see: every guard, one at a time.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx):
        return Point(self.x + dx, self.y)

    def twice(self):
        return self.norm1() * 2


p = Point(3, -4)
print(p.norm1(), p.twice(), p.moved(1).x)

# A field of another type: the native read bails, the dynamic code adds floats.
p.x = 1.5
print(p.norm1(), p.twice())

# An instance whose dict was asked for: it has a dict of its own.
q = Point(1, 10)
vars(q)["x"] = 2
print(q.norm1(), list(vars(q)))

# An extra attribute that shadows a method on one instance.
r = Point(1, 1)
r.norm1 = lambda: 100
print(r.twice(), Point(2, 2).twice())

# A subclass instance takes the dynamic path and its override.
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm1(self):
        return super().norm1() + abs(self.z)


s = Point3(1, 2, 3)
print(s.norm1(), s.twice(), s.moved(5).x, type(s.moved(5)).__name__)

# A method rebound on the class: native callers must call the new one.
print(Point(5, 5).twice())
Point.norm1 = lambda self: -1
print(Point(5, 5).twice(), Point(5, 5).moved(1).norm1())

# A deleted field: the instance gets a dict, the read raises.
t = Point(7, 8)
del t.x
try:
    t.norm1()
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(t.twice())
except AttributeError as e:
    print("AttributeError:", e)


class Node:
    def __init__(self, depth):
        self.depth = depth

    def down(self):
        # Recursion past the limit: the native calls bail, and the
        # dynamic ones raise RecursionError where CPython does.
        if self.depth > 1_000_000:
            return self.depth
        return Node(self.depth + 1).down()


try:
    Node(0).down()
except RecursionError as e:
    print("RecursionError:", e)
print(Point(1, 2).twice(missing_argument_is_an_error=True))
