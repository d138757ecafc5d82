# Unannotated parameters get a guessed native type, checked at every call:
# other argument types run the dynamic version. Functions the native tier
# refuses (globals, printing, mixed types, aliased mutation) stay dynamic
# and still behave exactly like CPython.
SCALE = 3
offsets = [1, 2, 3]


def poly(n):
    return n * n + 2 * n + 1


def ratio(x):
    return x / 2.0


def scaled(n: int) -> int:
    return n * SCALE


def shifted(n: int) -> int:
    return n + offsets[0]


def mixed(n: int):
    total = 0
    for i in range(n):
        total += i / 2
    return total


def aliased(n: int) -> list[int]:
    a = [0] * n
    b = a
    b[0] = 7
    return a


def chatty(n: int) -> int:
    print("computing", n)
    return n + 1


print(poly(3), poly(2.5), poly(True), poly(-(2**62)), poly("ab" * 0 + "x" and 4))
print(ratio(3), ratio(3.0), ratio(10**400) if False else ratio(7))
print(scaled(5), shifted(5))
offsets[0] = 100
print(shifted(5), mixed(5), mixed(0), aliased(3), chatty(1))
try:
    print(poly("x"))
except TypeError as e:
    print("TypeError:", e)
