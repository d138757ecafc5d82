print(int("  42  "), int("-0x1F", 16), int("0b101", 0), int("1_000"), float(" 1e3 "), float("-inf"))
for bad in ["abc", "12a", "", "0x", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    float("x1")
except ValueError as e:
    print(e)
print(2**100 // 3, -(2**70) % 7, pow(3, -1, 7), 7.5 % -2, -7.5 // 2, 10**30 / 7, divmod(-7.5, 2))
print(round(2.675, 2), round(-0.5), round(1234.5678, -2), round(12345, -2), 1/3, 2/3, 1e300*1e10)
import math
print(math.factorial(30), math.gcd(12, 18), math.isqrt(10**20), math.comb(50, 25), math.fsum([0.1]*10), math.isclose(1.0, 1.0 + 1e-10))
print(f"{2**70:,}", f"{-1234.5678:+.2f}", f"{0.000123:.2e}", f"{255:08b}", hex(2**70), 10**4300 > 0)
try:
    str(10**4300)
except ValueError as e:
    print(str(e)[:60])
