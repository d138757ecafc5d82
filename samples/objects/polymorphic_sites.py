# Attribute and method sites that see several classes in turn (a class and
# its subclasses, stored in different orders), and methods patched or
# deleted while the sites hold what they learned.
class A:
    def __init__(self, v):
        self.v = v
        self.w = -v

    def f(self, k):
        return self.v * k


class B(A):
    def __init__(self, v):
        self.w = v
        self.v = v + 1

    def f(self, k):
        return self.v + k


class C(A):
    def f(self, k):
        return -k


objs = [A(1), B(2), C(3), A(4), B(5), C(6)] * 3
total = 0
for o in objs:
    total += o.f(2) + o.v + o.w
    o.v = o.v + 1
print(total, [o.v for o in objs[:6]])
A.f = lambda self, k: 1000
print([o.f(1) for o in objs[:6]])
del B.f
print([o.f(1) for o in objs[:6]])
objs[0].f = lambda k: "own"
print([o.f(1) for o in objs[:3]])
for o in objs[:6]:
    o.extra = o.v
print([o.extra for o in objs[:6]], [sorted(vars(o)) for o in objs[:3]])
