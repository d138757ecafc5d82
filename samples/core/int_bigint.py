# Machine ints promote to big ints on overflow; floor division and modulo
# follow the divisor's sign; bit operations on negatives.
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result

print(2 ** 100, -(2 ** 100), 2 ** 64 - 1, factorial(30))
big = factorial(25) * factorial(20)
print(big, big // 10 ** 20, big % 997, -big // 7, -big % 7)
print(9223372036854775807 + 1, -9223372036854775808 - 1, -9223372036854775808 // -1)
for a in (7, -7):
    for b in (3, -3):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(1 << 70, (1 << 70) >> 65, -1 >> 10, -256 >> 4, 5 & -3, 5 | -3, 5 ^ -3, ~5, ~-1)
print(int("123456789012345678901234567890"), int("-ff", 16), int("0o777", 0), int("1010", 2))
print(hex(255), hex(-255), oct(64), bin(-10), hex(2 ** 80))
print((2 ** 100).bit_length(), (255).bit_count(), abs(-2 ** 90), pow(2, 200, 1000003), pow(7, -1, 13))
print(10 ** 20 / 3, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 18 * 10 ** 18, sum(range(10 ** 6)))
values = [3 ** k for k in range(0, 50, 7)]
print(values, max(values) - min(values), sorted(values, reverse=True)[:2])
print(int(3.99), int(-3.99), round(2 ** 70 + 0.5), int(1e20), 7 // 2.0, -7 % 2.5)
