# __getattribute__, __getattr__, __setattr__, __delattr__, __slots__,
# functools.cached_property, and dunder methods looked up on built-in objects.
import functools


class Audited:
    def __init__(self):
        self.log = []

    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"<missing {name}>"

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)


a = Audited()
a.x = 1
a.y = [2]
del a.x
print(a.magic, a.y, a.nothing, a.log)


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
p.x = 10
print(p.x, p.y, Point.__slots__)
for action in ("p.z = 3", "vars(p)", "del p.y; p.y"):
    try:
        if action == "p.z = 3":
            p.z = 3
        elif action == "vars(p)":
            vars(p)
        else:
            del p.y
            p.y
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


class Point3(Point):
    __slots__ = ("z",)


q = Point3(1, 2)
q.z = 3
print(q.x + q.y + q.z)
try:
    q.w = 4
except AttributeError as e:
    print("AttributeError", e)


class Report:
    def __init__(self, rows):
        self.rows = rows
        self.computed = 0

    @functools.cached_property
    def total(self):
        """Sum of the rows, computed once."""
        self.computed += 1
        return sum(self.rows)


r = Report([1, 2, 3])
print(r.total, r.total, r.computed, sorted(vars(r)))
r.rows.append(4)
print(r.total)
del r.total
print(r.total, r.computed, Report.total.attrname, Report.total.__doc__)

it = iter([1, 2, 3])
print(it.__next__(), next(it), list(it.__iter__()))
g = (c.upper() for c in "ab")
print(g.__next__(), g.__next__(), next(g, "done"))
print((5).__add__(2), "ab".__len__(), [1, 2].__getitem__(1), {"k": 1}.__contains__("k"))
