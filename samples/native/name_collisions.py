# Python names that look like the names py2rs gives things in Rust: its
# spelling of keywords (self -> self_), the native tier's own parameters
# (_depth), names derived from parameters (x_native) and methods whose
# Rust names would coincide (A.b__c and A__b.c). Each must stay apart.


def f(_depth: int) -> int:
    _depth_ = 1
    return _depth + _depth_


def g(x: int, x_native: int, x_arg: int) -> int:
    return x * 100 + x_native * 10 + x_arg


class A:
    def __init__(self):
        self.a = 1

    def m(self, k: int) -> int:
        self_ = k
        return self.a + self_

    def n(self, self_: int, self__: int) -> int:
        return self.a + self_ * 10 + self__ * 100

    def b__c(self) -> int:
        return self.a + 1000


class A__b:
    def __init__(self):
        self.a = 2

    def c(self) -> int:
        return self.a


class B(A):
    def A__m(self, k: int) -> int:
        return 100 * k

    def m(self, k: int) -> int:
        return super().m(k) + self.A__m(k)


def total(n: int) -> int:
    t = 0
    for i in range(n):
        t += A().m(i) + A().n(i, 1) + A().b__c() + A__b().c() + B().m(i)
    return t


print(f(10), g(1, 2, 3), total(50))
print(A().m(2), A().n(3, 4), A().b__c(), A__b().c(), B().m(5))
