"""fractions.Fraction: construction, arithmetic, comparisons, hashing,
formatting and rounding, compared with CPython 3.12's Lib/fractions.py."""

import math
from fractions import Fraction
import fractions


def show(label, thunk):
    try:
        r = thunk()
        print(label, "->", repr(r), type(r).__name__)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


# Construction and normalisation.
print(Fraction(), Fraction(3), Fraction(6, 4), Fraction(10, -8), Fraction(-3, -9))
print(repr(Fraction(6, 4)), str(Fraction(6, 4)), str(Fraction(4, 2)))
for text in ["3/4", " -1.5e2 ", "314", "-35/4", "3.1415", "-47e-2", ".5", "1_000.000_1",
             "  7 / 21 ", "+2", "1E3", "1.", "1.e5", "0.000", "-0", "\t12/8\n",
             "1__0", "1.5/2", "", ".", "3/", "1e", "abc", "1/0", "-3/0", "1.d", "0x10",
             "١٢/٣"]:
    show(f"Fraction({text!r})", lambda: Fraction(text))
for arg in [0.5, -0.1, 1.47, 2.25, 1e300, 0.0, -0.0, float("inf"), float("nan"), True, False, 2**70]:
    show(f"Fraction({arg!r})", lambda: Fraction(arg))
show("Fraction(Fraction(1, 7), 5)", lambda: Fraction(Fraction(1, 7), 5))
show("Fraction(Fraction(1, 7), Fraction(2, 3))", lambda: Fraction(Fraction(1, 7), Fraction(2, 3)))
show("Fraction(True, 2)", lambda: Fraction(True, 2))
show("Fraction(1, 0)", lambda: Fraction(1, 0))
show("Fraction(-5, 0)", lambda: Fraction(-5, 0))
show("Fraction(Fraction(3, 2), 0)", lambda: Fraction(Fraction(3, 2), 0))
show("Fraction(1.5, 2)", lambda: Fraction(1.5, 2))
show("Fraction([1])", lambda: Fraction([1]))
show("Fraction(None)", lambda: Fraction(None))
show("Fraction(1j)", lambda: Fraction(1j))
show("big", lambda: Fraction(2**100, 3**50))
print(Fraction(2**100, 6**40).numerator, Fraction(2**100, 6**40).denominator)

f = Fraction(3, 4)
print(f.numerator, f.denominator, f.as_integer_ratio(), f.is_integer(), Fraction(8, 4).is_integer())
print(f.real, f.imag, f.conjugate())
print((0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (5).as_integer_ratio())
print(Fraction.from_float(0.1), Fraction.from_float(3), Fraction.from_decimal(7))
show("from_float('x')", lambda: Fraction.from_float("x"))
show("from_float(inf)", lambda: Fraction.from_float(float("inf")))
show("from_decimal(1.5)", lambda: Fraction.from_decimal(1.5))

# Arithmetic.
a, b = Fraction(1, 3), Fraction(-5, 6)
for x, y in [(a, b), (a, 2), (2, a), (a, 0.5), (0.5, a), (b, True), (a, 2**70), (Fraction(7, 2), Fraction(-3, 4))]:
    print(x, y, "|", x + y, x - y, x * y, x / y, x // y, x % y, divmod(x, y))
for x, y in [(a, 1j), (1j, a)]:
    show(f"{x!r} + {y!r}", lambda: x + y)
    show(f"{x!r} / {y!r}", lambda: x / y)
print(-a, +a, abs(b), -Fraction(0))
show("a / 0", lambda: a / 0)
show("a / Fraction(0, 5)", lambda: a / Fraction(0, 5))
show("a // 0", lambda: a // 0)
show("a % 0", lambda: a % 0)
show("divmod(a, 0)", lambda: divmod(a, 0))
show("1 / Fraction(0)", lambda: 1 / Fraction(0))
show("a / 0.0", lambda: a / 0.0)
show("a + 'x'", lambda: a + "x")
show("'x' + a", lambda: "x" + a)
show("a * [1]", lambda: a * [1])
show("a @ a", lambda: a @ a)

# Powers.
for x, y in [(a, 2), (a, -2), (b, -3), (b, 3), (Fraction(4, 9), Fraction(1, 2)), (a, 0.5),
             (Fraction(-8, 27), Fraction(1, 3)), (2, Fraction(3)), (2, Fraction(-2)),
             (4, Fraction(1, 2)), (2.0, Fraction(1, 2)), (Fraction(2), Fraction(-1)),
             (Fraction(9, 4), Fraction(3, 1)), (a, 0), (Fraction(0), 0), (-2, Fraction(1, 2))]:
    show(f"{x!r} ** {y!r}", lambda: x ** y)
show("Fraction(0) ** -1", lambda: Fraction(0) ** -1)
show("Fraction(0, 3) ** -2", lambda: Fraction(0, 3) ** -2)
show("a ** 'x'", lambda: a ** "x")
show("pow(a, 2)", lambda: pow(a, 2))

# Comparisons.
c = Fraction(1, 2)
for other in [Fraction(1, 2), Fraction(2, 3), 0, 1, 0.5, 0.25, 0.75, float("inf"), float("-inf"), float("nan"), True, 2**80]:
    print(repr(other), c == other, c != other, c < other, c <= other, c > other, c >= other,
          other == c, other != c, other < c, other > c)
print(Fraction(3) == 3, 3 == Fraction(3), 3 != Fraction(3), Fraction(1, 2) == 0.5 + 0j, Fraction(1, 2) == 1j)
print(Fraction(1, 2) == "1/2", Fraction(1, 2) != "1/2")
show("a < 'x'", lambda: a < "x")
print(sorted([Fraction(1, 3), 0.2, 1, Fraction(-1, 2), 0]))
print(max(Fraction(1, 3), Fraction(2, 5)), min([Fraction(7, 3), 2, 2.5]))

# Hashing.
for x in [Fraction(1, 2), Fraction(-1, 2), Fraction(1, 3), Fraction(-1), Fraction(7), Fraction(2**61 - 1, 3),
          Fraction(1, 2**61 - 1), Fraction(-5, 2**61 - 1), Fraction(10**30, 7), Fraction(0)]:
    print(repr(x), hash(x))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(5)) == hash(5), hash(Fraction(-1)) == hash(-1))
d = {0.5: "half", 2: "two"}
print(d[Fraction(1, 2)], d[Fraction(4, 2)], Fraction(1, 2) in {0.5}, len({Fraction(1, 2), 0.5, Fraction(2, 4)}))

# Conversions and rounding.
for x in [Fraction(7, 2), Fraction(-7, 2), Fraction(5, 2), Fraction(-5, 2), Fraction(1, 3), Fraction(-1, 3), Fraction(0)]:
    print(repr(x), int(x), float(x), math.floor(x), math.ceil(x), math.trunc(x), round(x), bool(x))
for x, n in [(Fraction(12345, 100), 1), (Fraction(12345, 100), -1), (Fraction(1, 3), 3), (Fraction(25, 1), -1),
             (Fraction(-15, 1), -1), (Fraction(5, 4), 0), (Fraction(1, 3), None)]:
    show(f"round({x!r}, {n!r})", lambda: round(x, n))
show("float(huge)", lambda: float(Fraction(10**400, 3)))
print(float(Fraction(1, 10**400)), float(Fraction(2**1100, 2**1099)))
print(Fraction(1, 4).__complex__())

# limit_denominator.
pi = Fraction("3.141592653589793")
for m in [1, 10, 100, 1000, 10**6]:
    print(m, pi.limit_denominator(m))
print(Fraction(4321, 8765).limit_denominator(10000), Fraction(1, 3).limit_denominator())
print(Fraction(-7, 9).limit_denominator(2), Fraction(1, 2).limit_denominator(1))
show("limit_denominator(0)", lambda: pi.limit_denominator(0))

# Formatting.
values = [Fraction(1, 3), Fraction(-2, 3), Fraction(0), Fraction(12345678, 7), Fraction(-1, 2000), Fraction(5, 2),
          Fraction(1, 10**8), Fraction(10**20, 3)]
specs = ["", "f", ".2f", ".0f", "#.0f", "e", ".3e", "E", "g", ".3g", "#g", "G", "%", ".1%", "10.3f", "<10.2f",
         "^12.3f", "*>12.2e", "=+10.2f", "+.3f", " .3f", "010.3f", "z.1f", ",.2f", "_.1f", "015,.2f", "-g", ".0e",
         ".0g", "x<8.1f", ".10g", ".15e"]
for v in values:
    print(repr(v), [format(v, s) for s in specs])
print(f"{Fraction(22, 7):.5f} {Fraction(22, 7)!s:>8} {Fraction(22, 7)!r}")
for bad in ["d", ">10", "s", "10", ".2", "<010.2f", "=05f", "Z.1f", "..2f", ".01f", "5,,f"]:
    show(f"format({bad!r})", lambda: format(Fraction(1, 3), bad))

# Types and the module.
print(isinstance(f, Fraction), isinstance(3, Fraction), type(f) is fractions.Fraction, Fraction.__name__)
print(type(f), issubclass(Fraction, object))
print(sum([Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)]), sum([Fraction(1, 10)] * 10, 0.0))
show("f.x = 1", lambda: setattr(f, "x", 1))
print(Fraction(1, 2).__reduce__())

# Methods called on something that is not a Fraction.
show("Fraction.__add__(3, 'x')", lambda: Fraction.__add__(3, "x"))
show("Fraction.__add__(3, 4)", lambda: Fraction.__add__(3, 4))
show("Fraction.__repr__(3)", lambda: Fraction.__repr__(3))
show("Fraction.limit_denominator(0.5)", lambda: Fraction.limit_denominator(0.5))


class Third(Fraction):
    """A subclass: arithmetic results are plain Fractions."""


t = Third(1, 3)
print(repr(t), repr(t + t), type(t + t).__name__, repr(-t), type(+t).__name__, repr(Third.from_float(0.5)))
print(isinstance(t, Fraction), t == Fraction(1, 3), hash(t) == hash(Fraction(1, 3)), repr(round(t, 2)))
