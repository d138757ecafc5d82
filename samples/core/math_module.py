# The math module.
import math
from math import sqrt, pi, inf

print(math.pi, math.e, math.tau, inf, -inf, math.nan != math.nan)
print(sqrt(2), math.sqrt(16), math.isqrt(17), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(7))
print(math.gcd(48, 180), math.gcd(0, 5), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1), math.exp(0))
print(round(math.sin(pi / 6), 12), round(math.cos(pi), 12), math.tan(0), math.atan2(1, 1), math.degrees(pi), math.radians(180))
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.copysign(3, -0.0), math.fabs(-2), math.fmod(7, -3), math.modf(3.75))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isinf(inf), math.isnan(math.nan), math.isfinite(1e308))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.pow(2, 0.5))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.exp(1000)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
area = lambda r: pi * r ** 2
print([f"{area(r):.3f}" for r in range(1, 4)], f"{math.sqrt(2):.10f}")
