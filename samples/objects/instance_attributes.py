# Instance attributes: values stored in the class's shared-key order, and
# every way an instance leaves that layout (__dict__, vars, deletion,
# out-of-order or too many attributes) behaving as CPython's dicts do.
class P:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


a = P(1, 2)
b = P(3, 4)
print(a.x, a.y, b.norm(), vars(a), a.__dict__)
a.__dict__["z"] = 9
print(a.z, vars(a))
a.x = 10
print(a.x, a.__dict__)
del b.x
print(hasattr(b, "x"), vars(b))
b.x = 5
print(vars(b), b.norm())
c = P(0, 0)
c.y = 1
c.extra = "e"
print(vars(c), c.extra)
class R(P):
    def __init__(self):
        self.y = 2
        self.x = 1


d = R()
print(vars(d), d.norm())
e = P(1, 1)
e.norm = lambda: "shadowed"
print(e.norm(), P.norm(e))
f = P(2, 2)
for i in range(40):
    setattr(f, f"a{i}", i)
print(len(vars(f)), f.a39, getattr(f, "a0"), getattr(f, "zz", "default"))
g = P(3, 3)
for i in range(40):
    setattr(g, f"a{i}", -i)
print(g.a5, len(g.__dict__), list(vars(g))[:5])
try:
    print(g.missing)
except AttributeError as err:
    print("AttributeError:", err)
print(a.kind, "kind" in vars(a))
a.kind = "mine"
print(a.kind, P.kind, vars(a)["kind"])
del a.kind
print(a.kind)
try:
    del a.kind
except AttributeError as err:
    print("AttributeError:", err)


class Q(P):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


q = Q(1, 2, 3)
print(vars(q), q.norm(), sorted(k for k in dir(q) if not k.startswith("__")))


class S:
    __slots__ = ("u", "v")

    def __init__(self):
        self.u = 1


s = S()
print(s.u, hasattr(s, "v"))
try:
    s.w = 3
except AttributeError as err:
    print("AttributeError:", err)
s.v = 2
print(s.u, s.v)
objs = [P(i, -i) for i in range(5)]
for o in objs:
    o.x += 1
print([(o.x, o.y) for o in objs])
h = P(1, 2)
dd = h.__dict__
h.y = 20
dd["x"] = 100
print(h.x, h.y, dd)
