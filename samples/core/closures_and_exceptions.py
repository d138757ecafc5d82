def outer():
    x = 1
    def mid():
        def inner():
            return x + 1
        return inner()
    return mid()
print(outer())

def counter():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total
    return add, items
add, items = counter()
add(3); add(4)
print(add(0), items)

G = 10
def use_global():
    global G
    G += 5
    return G
print(use_global(), G)

def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper

@deco
def square(v):
    return v * v
print(square(7))

def repeat(n):
    def dec(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return dec

@repeat(3)
def hi(name):
    return "hi " + name
print(hi("bob"))

funcs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in funcs])
late = [lambda: i for i in range(3)]
print([f() for f in late])

def maybe(flag):
    if flag:
        y = 1
    return y
print(maybe(True))
try:
    maybe(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)

def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2))

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        return iter((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
v = Vec(1, 2) + Vec(3, 4)
print(v, v * 2, 3 * v, v == Vec(4, 6), len(v), v[0], list(v), bool(Vec(0, 0)))
print(sorted([Vec(2, 1), Vec(1, 5)]), {Vec(1, 1): "a"}[Vec(1, 1)])
a, b = v
print(a, b)
class Node:
    pass
n = Node()
n.val = 3
print(n.val, hasattr(n, "val"), getattr(n, "nope", "dflt"))
try:
    n.nope
except AttributeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [][1]
except IndexError as e:
    print(e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr(42, "boom")
except (ValueError, MyErr) as e:
    print(e.code, e, repr(e), e.args)
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
def fin():
    try:
        return "try"
    finally:
        print("cleanup")
print(fin())
assert 1 == 1, "nope"
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e)
raise MyErr(1, "final")
