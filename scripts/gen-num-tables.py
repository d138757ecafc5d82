#!/usr/bin/env python3
"""Generate the test tables of runtime/src/num_ops.rs (int and float semantics).

Run with CPython 3.12 (the oracle): `PYENV_VERSION=3.12.1 python3.12 scripts/gen-num-tables.py`.
It writes runtime/tests/data/num/*.txt. The operands come from a seeded RNG,
so the output is deterministic.

Line format: fields separated by TAB. The first field names the operation,
then come the arguments, a lone `=`, and the expected results:
  i:N        an int (decimal, any size)
  f:HEX      a float as float.hex() ('inf', '-inf', 'nan' for the specials)
  s:TEXT     a str, escaped with the unicode_escape codec
  L:H,H,...  a list of floats (float.hex each); `L:` is the empty list
  N          None
  b:T / b:F  a bool
  o:C        a comparison: '<', '=', '>', or '?' (unordered, a NaN)
  E:Type:message   the exception CPython raised (message unicode_escape'd)
A Python complex result (or a complex power that overflowed) is written as
E:ValueError:complex result not supported, the marker num_ops uses for it.
"""

import math
import random
import struct
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

if sys.version_info[:2] != (3, 12) or unicodedata.unidata_version != "15.0.0":
    sys.exit("run this with CPython 3.12 (Unicode 15.0.0)")

# Big operands are written in full; the 4300-digit limit is under test, not here.
sys.set_int_max_str_digits(0)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "runtime" / "tests" / "data" / "num"
rng = random.Random(20240612)


# What num_ops returns where Python's result is complex (the complex power
# itself may overflow: that is the complex code's business).
COMPLEX_MARKER = "E:ValueError:complex result not supported"


class Cmp(str):
    """A comparison outcome, written as o:C."""


def esc(s):
    return s.encode("unicode_escape").decode("ascii")


def enc(v):
    if isinstance(v, Cmp):
        return "o:" + v
    if isinstance(v, bool):
        return "b:T" if v else "b:F"
    if isinstance(v, int):
        return f"i:{v}"
    if isinstance(v, float):
        return "f:" + v.hex()
    if isinstance(v, str):
        return "s:" + esc(v)
    if isinstance(v, list):
        return "L:" + ",".join(x.hex() for x in v)
    if v is None:
        return "N"
    raise TypeError(v)


def outcome(fn):
    try:
        r = fn()
    except OverflowError as e:
        if str(e) == "complex exponentiation":
            return [COMPLEX_MARKER]
        return [f"E:{type(e).__name__}:{esc(str(e))}"]
    except Exception as e:  # the oracle's exception is the expected result
        return [f"E:{type(e).__name__}:{esc(str(e))}"]
    if isinstance(r, complex):
        return [COMPLEX_MARKER]
    if isinstance(r, tuple):
        return [enc(x) for x in r]
    return [enc(r)]


def compare(a, b):
    if a < b:
        return Cmp("<")
    if a == b:
        return Cmp("=")
    if a > b:
        return Cmp(">")
    return Cmp("?")


class Table:
    def __init__(self, name):
        self.name = name
        self.rows = []

    def add(self, op, args, fn):
        fields = [op] + [enc(a) for a in args] + ["="] + outcome(fn)
        self.rows.append("\t".join(fields))

    def write(self):
        DATA.mkdir(parents=True, exist_ok=True)
        (DATA / self.name).write_text("\n".join(self.rows) + "\n", encoding="ascii")
        print(f"{self.name}: {len(self.rows)} rows")


def with_limit(fn):
    """Run fn with CPython's default 4300-digit str<->int limit."""
    def run():
        sys.set_int_max_str_digits(4300)
        try:
            return fn()
        finally:
            sys.set_int_max_str_digits(0)
    return run


# ---------------------------------------------------------------------------
# Operand pools
# ---------------------------------------------------------------------------

SMALL = list(range(-10, 11))
POWERS = [2**31, 2**32, 2**53, 2**62, 2**63, 2**64, 2**127, 2**128]
BOUNDARY = sorted({s * (p + d) for p in POWERS for d in (-1, 0, 1) for s in (1, -1)})
RAND64 = [rng.randint(-2**63, 2**63 - 1) for _ in range(24)] + [rng.randint(-2**31, 2**31) for _ in range(12)]
BIG = [rng.choice((1, -1)) * rng.getrandbits(rng.randint(65, 400)) for _ in range(24)]
HUGE = [rng.choice((1, -1)) * rng.getrandbits(rng.randint(1000, 2500)) for _ in range(6)]
INTS = SMALL + BOUNDARY + RAND64 + BIG


def pick_int():
    pool = rng.choice((SMALL, BOUNDARY, RAND64, BIG, INTS))
    return rng.choice(pool)


def random_float():
    kind = rng.randrange(6)
    if kind == 0:
        # Any bit pattern: huge, tiny, subnormal, occasionally inf/nan.
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if kind == 1:
        return rng.uniform(-100, 100)
    if kind == 2:
        return float(rng.randint(-20, 20)) / rng.choice((1, 2, 4, 8))
    if kind == 3:
        return rng.uniform(-1, 1) * 10.0 ** rng.randint(-30, 30)
    if kind == 4:
        return math.ldexp(rng.random(), rng.randint(-1080, -1000))
    return rng.choice(SPECIAL_FLOATS)


SPECIAL_FLOATS = [
    0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308,
    2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1.0, -1.0, 0.5, -0.5,
    2.0, -2.0, 3.0, -3.0, 7.5, -7.5, 0.1, -0.1, 1e16, 1e300, -1e-300, 2.0**53, 2.0**53 + 2,
    2.0**63, -2.0**63, 2.0**64, 1.5, 2.5, -2.5, 1e-10, 123456789.0, 0.9999999999999999,
    1.0000000000000002, 10.0, 100.0, 1e22, 1e23, 1.0 / 3,
]
FLOATS = SPECIAL_FLOATS + [random_float() for _ in range(60)]


def pick_float():
    return rng.choice(FLOATS) if rng.random() < 0.5 else random_float()


# ---------------------------------------------------------------------------
# int arithmetic
# ---------------------------------------------------------------------------

def int_pairs(n):
    pairs = [(a, b) for a in range(-7, 8) for b in range(-4, 5)]
    pairs += [(a, b) for a in BOUNDARY for b in (-1, 1, 2, -2, 3, 2**32, -(2**63))]
    pairs += [(pick_int(), pick_int()) for _ in range(n)]
    pairs += [(rng.choice(HUGE), pick_int()) for _ in range(10)] + [(pick_int(), rng.choice(HUGE)) for _ in range(10)]
    return pairs


def gen_int_arith():
    t = Table("int_arith.txt")
    ops = {
        "add": lambda a, b: a + b,
        "sub": lambda a, b: a - b,
        "mul": lambda a, b: a * b,
        "floordiv": lambda a, b: a // b,
        "mod": lambda a, b: a % b,
        "divmod": divmod,
        "truediv": lambda a, b: a / b,
        "and": lambda a, b: a & b,
        "or": lambda a, b: a | b,
        "xor": lambda a, b: a ^ b,
        "cmp": compare,
    }
    for name, fn in ops.items():
        for a, b in int_pairs(300):
            t.add(name, [a, b], lambda: fn(a, b))
    for a in INTS + HUGE + [0]:
        for name, fn in (("neg", lambda x: -x), ("abs", abs), ("invert", lambda x: ~x),
                         ("bit_length", int.bit_length)):
            t.add(name, [a], lambda: fn(a))
    t.write()


def gen_truediv():
    """Big-int true division: rounding, subnormal and overflow edges."""
    t = Table("int_truediv.txt")
    for _ in range(1500):
        nb = rng.randint(1, 1200)
        db = rng.randint(1, 1200)
        diff = rng.choice((rng.randint(-1100, 1100), rng.randint(1015, 1030), rng.randint(-1080, -1060)))
        if rng.random() < 0.6:
            db = max(1, nb - diff)
        a = rng.getrandbits(nb) * rng.choice((1, -1))
        b = (rng.getrandbits(db) | 1) * rng.choice((1, -1))
        t.add("truediv", [a, b], lambda: a / b)
    # Exact ties and near-ties, both directions.
    for m in (2**53 + 1, 2**53 + 3, 2**54 - 1, 2**54 + 2, 2**55 + 4, 2**53 - 1):
        for k in (0, 64, 100, 970, 1000):
            for b in (1 << k, 3 << k, -(1 << k)):
                a = m << k
                t.add("truediv", [a, b], lambda: a / b)
                t.add("truediv", [a + 1, b], lambda: (a + 1) / b)
                t.add("truediv", [a - 1, b], lambda: (a - 1) / b)
    dbl_max = (2**53 - 1) << 971
    for a in (dbl_max, dbl_max + (1 << 969), dbl_max + (1 << 970), dbl_max + (1 << 970) - 1, 2**1024, 2**1025):
        for b in (1, 2, 3, -1):
            t.add("truediv", [a, b], lambda: a / b)
    for k in range(1060, 1080):
        for a in (1, 3, 2**60 + 1):
            b = 1 << k
            t.add("truediv", [a, b], lambda: a / b)
            t.add("truediv", [a, b + 1], lambda: a / (b + 1))
            t.add("truediv", [-a, b - 1], lambda: -a / (b - 1))
    for a in (0, 1, -1):
        for b in (10**30, -(10**30), 10**400, -(10**400)):
            t.add("truediv", [a, b], lambda: a / b)
    t.write()


def gen_int_pow():
    t = Table("int_pow.txt")
    bases = SMALL + BOUNDARY[:10] + RAND64[:10] + BIG[:6] + [2**1100, -(2**1100)]
    for _ in range(1200):
        a = rng.choice(bases)
        e = rng.choice((rng.randint(0, 12), rng.randint(0, 70), rng.randint(-6, -1), 0, 1, 2, 63, 64))
        if a not in (0, 1, -1) and e > 0 and abs(a).bit_length() * e > 40000:
            continue
        t.add("pow", [a, e], lambda: a ** e)
    for a in (0, 1, -1, 2, -2, 3, 10, 2**62, 2**1100, -(2**1100), 10**400):
        for e in (-1, -2, -1075, -(10**20), -(2**1100)):
            t.add("pow", [a, e], lambda: a ** e)
    for a in (0, 1, -1):
        for e in (0, 10**20, 10**20 + 1, 2**200, 2**200 + 1):
            t.add("pow", [a, e], lambda: a ** e)
    # pow with a modulus.
    moduli = [0, 1, -1, 2, -2, 3, 7, -7, 10, 97, 2**31 - 1, 2**61 - 1, 2**63 - 25, 2**64 + 13, -(2**64 + 13),
              2**127 - 1, 10**40 + 7] + BIG[:6]
    for _ in range(1500):
        a = pick_int()
        e = rng.choice((rng.randint(0, 50), rng.randint(-5, -1), pick_int() if rng.random() < 0.5 else abs(pick_int())))
        m = rng.choice(moduli)
        t.add("powmod", [a, e, m], lambda: pow(a, e, m))
    t.write()


def gen_shifts():
    t = Table("int_shift.txt")
    counts = list(range(0, 70)) + [100, 127, 128, 200, 1000, -1, -100, -(2**70)]
    for _ in range(1400):
        a = pick_int()
        n = rng.choice(counts)
        t.add("lshift", [a, n], lambda: a << n)
        t.add("rshift", [a, n], lambda: a >> n)
    for a in (0, 1, -1, 5, 2**100, -(2**100)):
        for n in (2**62, 2**63, 2**64, 2**100, 2**200):
            t.add("rshift", [a, n], lambda: a >> n)
            t.add("lshift", [a, n], lambda: a << n)
    t.write()


# ---------------------------------------------------------------------------
# int conversions
# ---------------------------------------------------------------------------

def gen_int_conv():
    t = Table("int_conv.txt")
    to_float = list(INTS) + list(HUGE)
    for k in (53, 54, 60, 64, 100, 500, 969, 970, 1000, 1023):
        for d in (-3, -2, -1, 0, 1, 2, 3):
            to_float.append((1 << k) + d)
            to_float.append(((2**53 + 1) << (k - 53 if k > 53 else 0)) + d)
    dbl_max = (2**53 - 1) << 971
    to_float += [dbl_max, dbl_max + (1 << 969), dbl_max + (1 << 970) - 1, dbl_max + (1 << 970), 2**1024,
                 -dbl_max - (1 << 970)]
    to_float += [rng.getrandbits(rng.randint(54, 1030)) * rng.choice((1, -1)) for _ in range(300)]
    for a in to_float:
        t.add("to_float", [a], lambda: float(a))
    for f in FLOATS + [random_float() for _ in range(300)] + [2.0**63 - 1024, -2.0**63, 2.0**63, 1e300, -1e308]:
        t.add("from_float", [f], lambda: int(f))
    strs = list(INTS) + HUGE
    strs += [10**4299, -(10**4299), 10**4300 - 1, -(10**4300 - 1), 10**4300, -(10**4300), 2**14284, 2**14285,
             2**14286, -(2**14285), 7**5090, 10**5000]
    for a in strs:
        t.add("str", [a], with_limit(lambda: str(a)))
    for a in INTS + HUGE:
        for name, fn in (("hex", hex), ("oct", oct), ("bin", bin)):
            t.add(name, [a], lambda: fn(a))
    rounds = [(a, rng.randint(-25, 2)) for a in INTS for _ in range(3)]
    for d in range(1, 8):
        for q in range(-12, 13):
            for extra in (-1, 0, 1):
                rounds.append((q * 10**d + 5 * 10**(d - 1) + extra, -d))
    rounds += [(a, n) for a in (5, -5, 10**40, -(10**40), 2**200) for n in (-41, -40, -39, -200, -1000)]
    for a, n in rounds:
        t.add("round", [a, n], lambda: round(a, n))
    for a, b in int_pairs(300):
        for name, fn in (("gcd", math.gcd), ("lcm", math.lcm)):
            t.add(name, [a, b], lambda: fn(a, b))
    t.write()


def gen_int_float_cmp():
    t = Table("int_float_cmp.txt")
    cases = []
    for i in INTS + HUGE + [2**53 + 1, -(2**53 + 1), 2**1024, 10**400]:
        f = float(i) if abs(i) < 2**1024 else math.inf
        for g in (f, math.nextafter(f, math.inf), math.nextafter(f, -math.inf), f + 0.5, f - 0.5, -f):
            cases.append((i, g))
    for _ in range(400):
        cases.append((pick_int(), pick_float()))
    for f in SPECIAL_FLOATS:
        for i in (0, 1, -1, 2**63, -(2**63), 2**1100):
            cases.append((i, f))
    for i, f in cases:
        t.add("cmp", [i, f], lambda: compare(i, f))
        t.add("cmp", [f, i], lambda: compare(f, i))
    t.write()


# ---------------------------------------------------------------------------
# str -> int / float
# ---------------------------------------------------------------------------

INT_TOKENS = ["", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x85", "\xa0", "\u3000", "+", "-", "0", "0", "1",
              "7", "9", "12", "a", "f", "z", "Z", "x", "X", "o", "O", "b", "B", "0x", "0o", "0b", "0X", "_", "_",
              "__", "\u0661", "\u0662", "\U0001d7d8", ".", "e", "\x00", "\xe9", "\u200b", "'", '"', "\\", "10"]


def gen_int_parse():
    t = Table("int_parse.txt")
    strings = [
        "0", "-0", "+0", "00", "000", "0_0", "010", "0_1", "1_000", "1__000", "_1", "1_", "0x", "0x_", "0x_1", "0x__1",
        "0b1_1", "0b_", "0o17", "0o18", "0xg", "12a", " 1 ", "- 1", "+_1", "1\x00", "\x851", "\x1c1", "\u0661\u0662\u0663",
        "a\u0660", "\u3000 12\u2003", "12\u200b", "", " ", "+", "-", "9" * 19, "9" * 20, "-" + "9" * 19,
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "1" * 4300, "1" * 4301, "1" * 5000 + "x", "1" * 5000 + "   ", "1_" * 4301 + "1", "0" * 5000, "0" + "1" * 5000,
        "f" * 5000, "a" * 300, "'" * 250, "é" * 250, "ffffffffffffffffffffffff", "z" * 30, "Z" * 13,
    ]
    for _ in range(2500):
        strings.append("".join(rng.choice(INT_TOKENS) for _ in range(rng.randint(1, 6))))
    bases = [0, 2, 8, 10, 16, 36, 3, 7]
    for s in strings:
        for base in (10, 0, rng.choice(bases)):
            t.add("parse_int", [s, base], with_limit(lambda: int(s, base)))
    for s in ("1", "0x1", "z"):
        for base in (1, 37, 100):
            t.add("parse_int", [s, base], with_limit(lambda: int(s, base)))
    for base in range(2, 37):
        for _ in range(8):
            n = rng.getrandbits(rng.randint(1, 300)) * rng.choice((1, -1))
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"
            m, out = abs(n), ""
            while m:
                m, r = divmod(m, base)
                out = digits[r] + out
            s = ("-" if n < 0 else "") + (out or "0")
            if rng.random() < 0.3:
                s = s.upper()
            t.add("parse_int", [s, base], with_limit(lambda: int(s, base)))
    t.write()


FLOAT_TOKENS = ["", " ", "\t", "\x85", "\u2003", "+", "-", "0", "1", "5", "9", "12", ".", ".", "e", "E", "e-", "_", "_",
                "inf", "Infinity", "nan", "NaN", "iNf", "x", "\u0661", "\x00", "'", "1e5", "0x1"]


def halfway_strings():
    """Decimal strings at and around the midpoint of two adjacent doubles."""
    out = []
    for _ in range(150):
        x = abs(random_float())
        if not math.isfinite(x) or x == 0.0:
            continue
        y = math.nextafter(x, math.inf)
        if not math.isfinite(y):
            continue
        mid = (Decimal(x) + Decimal(y)) / 2
        s = format(mid, "f") if rng.random() < 0.3 else format(mid, "e")
        out.append(s)
        # One unit more and less in the last digit decides the direction.
        digits = s.split("e")[0]
        last = digits[-1]
        if last.isdigit() and last not in "09":
            out.append(digits[:-1] + str(int(last) + 1) + s[len(digits):])
            out.append(digits[:-1] + str(int(last) - 1) + s[len(digits):])
    return out


def gen_float_parse():
    t = Table("float_parse.txt")
    strings = [
        "1_0.5", "1e1_0", "1_e10", "in_f", "-nan", "infinit", "  -Infinity ", "1_0", "1__0", "_1", "1_", "1._5", "1_.5",
        "1e_5", "\u0661.\u0665", "+.5", "-.e5", ".", "5.", ".5e-3", "1e", "0x10", "inf_", "\x1c1", "\x851", "1\x00",
        " 1_0 ", "1_0e-1_0", "1_0.0_1", "0_0", "00.5", "-_1", "+inf_inity", "nAn", "-iNF", "infinity1", "1e+", "1e+5",
        "1E-5", "1.e5", ".e5", "e5", " ", "", "+", "-", "1e400", "-1e400", "1e-400", "2.4703282292062328e-324",
        "2.4703282292062327e-324", "4.9406564584124654e-324", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "0." + "0" * 400 + "1", "1" * 400, "9" * 30 + ".5", "1e99999999999999999999",
        "1e-99999999999999999999", "0e99999999999999", "--1", "+-1", "1.5.5", "1e5.5", "'inf'", "\u3000 2.5 \u3000",
    ]
    for _ in range(100):
        f = random_float()
        for s in (repr(f), f"{f:.17g}", f"{f:.25e}", f"{f:.3e}"):
            strings.append(s)
    strings += halfway_strings()
    for _ in range(2000):
        strings.append("".join(rng.choice(FLOAT_TOKENS) for _ in range(rng.randint(1, 6))))
    for s in strings:
        t.add("parse_float", [s], lambda: float(s))
    t.write()


# ---------------------------------------------------------------------------
# float arithmetic
# ---------------------------------------------------------------------------

def float_pairs(n):
    pairs = [(a, b) for a in SPECIAL_FLOATS for b in SPECIAL_FLOATS]
    pairs += [(pick_float(), pick_float()) for _ in range(n)]
    return pairs


def gen_float_ops():
    t = Table("float_ops.txt")
    ops = {
        "add": lambda a, b: a + b,
        "sub": lambda a, b: a - b,
        "mul": lambda a, b: a * b,
        "truediv": lambda a, b: a / b,
        "floordiv": lambda a, b: a // b,
        "mod": lambda a, b: a % b,
        "divmod": divmod,
        "pow": lambda a, b: a ** b,
        "cmp": compare,
    }
    for name, fn in ops.items():
        for a, b in float_pairs(500 if name != "pow" else 1500):
            t.add(name, [a, b], lambda: fn(a, b))
    for a in (-8.0, -2.0, -1.0, -0.5, -0.0, 0.0, 0.5, 2.0, 10.0):
        for b in (-3.0, -2.0, -1.0, -0.5, 0.5, 1.0 / 3, 2.0, 3.0, 1e300, -1e300, 2.0**53 + 2, 2.0**53 - 1, 1075.0):
            t.add("pow", [a, b], lambda: a ** b)
    for f in FLOATS + [random_float() for _ in range(300)]:
        t.add("is_integer", [f], lambda: f.is_integer())
        t.add("as_integer_ratio", [f], lambda: f.as_integer_ratio())
        t.add("floor", [f], lambda: math.floor(f))
        t.add("ceil", [f], lambda: math.ceil(f))
        t.add("trunc", [f], lambda: math.trunc(f))
    t.write()


def gen_mixed():
    t = Table("mixed.txt")
    ops = {
        "add": lambda a, b: a + b,
        "sub": lambda a, b: a - b,
        "mul": lambda a, b: a * b,
        "truediv": lambda a, b: a / b,
        "floordiv": lambda a, b: a // b,
        "mod": lambda a, b: a % b,
        "divmod": divmod,
        "pow": lambda a, b: a ** b,
    }
    ints = SMALL + BOUNDARY + RAND64[:8] + BIG[:8] + HUGE[:2] + [2**1023, 2**1024]
    for name, fn in ops.items():
        for _ in range(400):
            i = rng.choice(ints)
            f = pick_float()
            t.add(name, [i, f], lambda: fn(i, f))
            t.add(name, [f, i], lambda: fn(f, i))
    t.write()


# ---------------------------------------------------------------------------
# math module
# ---------------------------------------------------------------------------

def gen_math():
    t = Table("math.txt")
    squares = []
    for k in [rng.getrandbits(rng.randint(1, 300)) for _ in range(60)] + [2**32 - 1, 2**32, 3037000499, 3037000500]:
        squares += [k * k - 1, k * k, k * k + 1]
    for n in INTS + HUGE + squares + [2**64 - 1, 2**63 - 1]:
        t.add("isqrt", [n], lambda: math.isqrt(n))
    for n in list(range(-3, 70)) + [100, 170, 171, 500, 1000, -(2**100), 2**63, 2**100]:
        t.add("factorial", [n], lambda: math.factorial(n))
    combs = [(n, k) for n in range(-2, 25) for k in range(-2, 27)]
    combs += [(rng.randint(0, 300), rng.randint(0, 300)) for _ in range(300)]
    combs += [(10**20, 3), (10**20, 10**20 - 2), (2**64, 2**63), (2**100, 2**99), (2**100, 2**100 + 1),
              (2**64, 2**64 - 3), (2**100, -(2**100)), (-(2**100), 1), (2**63, 2), (2**70, 5)]
    for n, k in combs:
        t.add("comb", [n, k], lambda: math.comb(n, k))
        t.add("perm", [n, k], lambda: math.perm(n, k))
    for n in (-1, 0, 1, 5, 20, 21, 30, -(2**100)):
        t.add("perm", [n, None], lambda: math.perm(n))
    lists = [
        [], [-0.0], [-0.0, -0.0], [0.0, -0.0], [1e308, 1e308], [1e308, 1e308, -1e308], [math.inf, -math.inf],
        [math.nan, math.inf, -math.inf], [math.nan, 1.0], [math.inf, 1.0, math.inf], [-math.inf, 1e308, 1e308],
        [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [2.0**53, -0.5, -2.0**-54], [2.0**53, 1.0, 2.0**-100],
        [2.0**53 + 10.0, 1.0, 2.0**-100], [2.0**53 - 4.0, 0.5, 2.0**-54], [1e16, 1.0, 1e-16], [1e-16, 1.0, 1e16],
        [1.0 / n for n in range(1, 1001)], [(-1.0)**n / n for n in range(1, 1001)],
        [1.7976931348623157e308, -1.7976931348623157e308, 1.7976931348623157e308],
        [5e-324, 5e-324, -5e-324], [0.1] * 10, [1e308, -1e308, 1e308 * 0.5],
    ]
    for _ in range(400):
        size = rng.randint(1, 30)
        if rng.random() < 0.5:
            base = [rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 20) for _ in range(size)]
            lists.append(base + [-x for x in base[: size // 2]])
        else:
            lists.append([pick_float() for _ in range(size)])
    for xs in lists:
        t.add("fsum", [list(xs)], lambda: math.fsum(xs))
    tols = [(1e-9, 0.0), (0.0, 0.0), (1e-3, 0.0), (0.5, 1e-9), (1e-9, 1.0), (-1.0, 0.0), (0.0, -0.1), (math.nan, 0.0),
            (1e-9, math.inf)]
    for _ in range(600):
        a = pick_float()
        b = rng.choice((a, math.nextafter(a, math.inf), a * (1 + 1e-9), a + 1e-10, pick_float()))
        rel, abs_ = rng.choice(tols)
        t.add("isclose", [a, b, rel, abs_], lambda: math.isclose(a, b, rel_tol=rel, abs_tol=abs_))
    t.write()


def gen_unicode():
    """Every non-ASCII decimal digit and whitespace character, and the ranges
    of unassigned and of unprintable code points (from U+007F), for the
    tables in num_ops.rs."""
    t = Table("unicode.txt")
    runs = {"unassigned": [], "unprintable": []}
    for c in range(127, 0x110000):
        ch = chr(c)
        d = unicodedata.decimal(ch, None)
        if d is not None:
            t.rows.append(f"decimal\t{c:x}\t{d}")
        if ch.isspace():
            t.rows.append(f"space\t{c:x}")
        if unicodedata.category(ch) == "Cn":
            kind = "unassigned"
        elif not ch.isprintable():
            kind = "unprintable"
        else:
            continue
        ranges = runs[kind]
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    for kind, ranges in runs.items():
        t.rows += [f"{kind}\t{lo:x}\t{hi:x}" for lo, hi in ranges]
    t.write()


def main():
    gen_int_arith()
    gen_truediv()
    gen_int_pow()
    gen_shifts()
    gen_int_conv()
    gen_int_float_cmp()
    gen_int_parse()
    gen_float_parse()
    gen_float_ops()
    gen_mixed()
    gen_math()
    gen_unicode()


if __name__ == "__main__":
    main()
