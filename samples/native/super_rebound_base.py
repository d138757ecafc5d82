# A base's method rebound before a subclass is made: super() calls in the
# subclass's native methods must find the new def, as CPython does.


class A:
    def __init__(self):
        self.n = 0

    def f(self, k: int) -> int:
        self.n += k
        return self.n


def g(self, k):
    self.n -= k
    return self.n


A.f = g


class B(A):
    def f(self, k: int) -> int:
        return super().f(k) * 10


b = B()
print(b.f(1), b.f(2), b.n)


# An intermediate class gains the method after its class statement.
class P:
    def __init__(self):
        self.v = 1

    def step(self) -> int:
        return self.v + 1


class Q(P):
    pass


def q_step(self):
    return -100


Q.step = q_step


class R(Q):
    def step(self) -> int:
        return super().step() * 2


print(R().step())


# super().__init__() that reached object's finds a def added later.
class Base:
    pass


class Mid(Base):
    pass


def mid_init(self):
    self.tag = "mid"


Mid.__init__ = mid_init


class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.x = 3

    def show(self) -> str:
        return f"{self.x}"


leaf = Leaf()
print(leaf.show(), getattr(leaf, "tag", None))


# Unchanged classes still run natively; a rebinding after the class
# statement is seen too.
class S:
    def __init__(self, a: int):
        self.a = a

    def twice(self) -> int:
        return self.a * 2


class T(S):
    def twice(self) -> int:
        return super().twice() + 1


t = T(4)
print(t.twice())
S.twice = lambda self: 1000
print(t.twice())
