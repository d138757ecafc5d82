# The same attribute load and method call sites seeing different classes,
# instance dicts filled in different orders, and classes changing between
# calls: every access must still follow the data model.
class A:
    def __init__(self, first):
        if first:
            self.x = "ax"
            self.y = "ay"
        else:
            self.y = "ay2"
            self.x = "ax2"

    def who(self):
        return "A.who"


class B:
    x = "class-level x"

    def __init__(self):
        self.y = "by"

    def who(self):
        return "B.who"

    def __getattr__(self, name):
        return f"fallback {name}"


def load_x(o):
    return o.x


def call_who(o):
    return o.who()


objs = [A(True), A(False), B(), A(True)]
print([load_x(o) for o in objs])
print([call_who(o) for o in objs])
a = A(True)
a.who = lambda: "instance who"
print(call_who(a), call_who(A(False)))
del a.x
try:
    print(load_x(a))
except AttributeError as e:
    print("AttributeError:", e)
early, late = A(True), A(False)
A.x = property(lambda self: "property wins")
print(load_x(early), load_x(late))
del A.x
print(load_x(late))
A.who = lambda self: "patched A.who"
print(call_who(A(True)), call_who(B()))
b = B()
del B.x
print(load_x(b))
b.x = "own x"
print(load_x(b))
for i in range(3):
    o = A(i % 2 == 0)
    o.__dict__["x"] = f"dict {i}"
    print(load_x(o), end=" ")
print()


def store(o, v):
    o.value = v
    return vars(o) if hasattr(o, "__dict__") else o.value


class P:
    pass


class Q:
    __slots__ = ("value",)


class E(Exception):
    pass


early = P()
early.other = 1
print(store(early, 1), store(P(), 2), store(early, 3))
P.value = property(lambda self: "read-only property")
try:
    store(P(), 4)
except AttributeError as e:
    print("AttributeError:", e)
del P.value
P.__setattr__ = lambda self, n, v: object.__setattr__(self, n, f"hooked {v}")
print(store(P(), 5))
del P.__setattr__
print(store(P(), 6), store(Q(), 7), store(E("x"), 8))
