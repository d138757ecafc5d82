# Float repr is the shortest round-trip text; round() is half-to-even on
# the exact binary value.
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 1e-5, 1e-4, 123456789.123, 1.5e300, 5e-324, -0.0, 100.0, 2.5e-7]
for v in values:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"), 1e308 * 10)
for x in (0.5, 1.5, 2.5, -0.5, -1.5, 3.5):
    print(x, round(x), round(x, 0))
for x, n in ((2.675, 2), (0.125, 2), (0.375, 2), (1.005, 2), (1234.5678, -2), (-2.5, 0), (15.0, -1), (25.0, -1)):
    print(x, n, round(x, n))
print(round(7), round(-7, -1), round(1234, -2), round(1250, -2), round(1350, -2))
print(0.1 * 3, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9, 3 * 1.1, 1.1 + 2.2)
print(7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2))
print(2 ** 0.5, 10 ** -2, (-8) ** 2, 1e3, float(10 ** 20), float("1_000.5"))
print(sum([0.1] * 10), 1.0.is_integer(), (2.5).as_integer_ratio(), max(1, 2.5, 2), min(-0.0, 0.0))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
