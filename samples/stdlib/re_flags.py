# re's flags are members of the IntFlag re.RegexFlag, printed as CPython's
# global_flag_repr does; a Flag's iteration and len() see its single bits.
import re
from enum import Flag, IntFlag
print(hasattr(re, 'T'), re.NOFLAG, re.I | re.M, repr(re.A | re.I), str(re.S), re.RegexFlag(0), ~re.I, re.compile('a', re.I | re.M).flags, re.DEBUG)
print(f'{re.I}', re.I == 2, re.I + 1, [f for f in re.RegexFlag][:3], len(re.RegexFlag), re.X.value, re.X.name, type(re.M).__name__)
print(re.findall("a.", "A\nab", re.I | re.S), re.sub("^x", "-", "x\nx", flags=re.M), re.search("(?x) a b", "ab") is not None)
print(re.compile("q", re.IGNORECASE), re.compile("q", re.I | re.VERBOSE))
class C(Flag):
    NONE = 0
    A = 1
    B = 2
    AB = 3
    C = 4
print(list(C), len(C), C(3), C.AB, C(0), C.NONE, repr(C(5)), list(C.AB), ~C.A, C.A in C.AB, C["AB"], list(C.__members__))
class P(IntFlag):
    R = 4
    RW = 6
    W = 2
print(list(P), P(6), repr(P(6)), P.RW is P(6), repr(P(7)) if False else "", len(P))
