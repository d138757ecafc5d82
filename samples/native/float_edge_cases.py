# Native functions at float edges found by a fuzzer: method-style math on
# literals (abs(-1.5), math.floor(-2.5)), NaN and infinite module
# constants, a negative base to a fractional power (complex in Python),
# and a dict that nothing is ever stored in.
import math

INF = 1e300 * 1e300
NAN = INF - INF


def literals(n: int) -> float:
    t = abs(-1.5) + math.fabs(-2.25) + math.floor(-2.5) + math.ceil(-1.5)
    return t + math.atan2(-1.5, 0.0) + n


def constants(x: float) -> bool:
    return (x < INF) and not (x == NAN) and (NAN != NAN)


def nan_math(x: float) -> float:
    return min(x, NAN) + max(INF, x)


def roots(x: int) -> float:
    return (x * 1.0) ** 0.5


def unused_dict(n: int) -> int:
    d = {}
    return n * 2


print(literals(1), constants(2.0), nan_math(3.0))
print(roots(9), roots(-9), (-8) ** (1 / 3), pow(-4, 0.5), (-2.0) ** 2.5)
print(unused_dict(21))
print(math.floor(-0.5), math.ceil(-0.5), abs(-0.0))
