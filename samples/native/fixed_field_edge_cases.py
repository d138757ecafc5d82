# Native code on fixed-layout instances at the edges the fuzzer found:
# fields named like math's constants, int literals beyond 32 bits with
# nothing else to type them, and a field given the None a method returns.
import math


class Curve:
    def __init__(self, e, pi):
        self.e = e
        self.pi = pi
        self.tau = e + pi
        self.inf = 0

    def value(self) -> int:
        return self.e * 10 + self.pi + self.tau

    def mixed(self) -> float:
        return self.e * math.e + self.pi * math.pi + math.tau + (1.0 if math.inf > 1e308 else 0.0)


def curves(n: int) -> int:
    t = 0
    for i in range(n):
        t += Curve(i, i + 1).value()
    return t


def wide(n: int) -> int:
    if 6 < 9223372036854775807 and -9223372036854775807 < 3000000000:
        return n * 4294967296
    return 0


class Slot:
    def __init__(self):
        self.a = 1

    def nothing(self):
        pass

    def clear(self):
        self.a = self.nothing()
        return self.a is None


print(curves(100), Curve(2, 3).value(), wide(3), wide(2**40))
print(Curve(1, 2).mixed())
s = Slot()
print(s.clear(), s.a)
