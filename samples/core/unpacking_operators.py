# Unpacking (starred, nested, in for targets), chained comparisons,
# identity and membership, boolean operators returning operands, and
# every augmented assignment.
a, b, c = 1, 2, 3
a, b = b, a
first, *middle, last = range(6)
*init, tail = "abc"
(p, q), r = (1, 2), 3
head, *_ = [9]
print(a, b, c, first, middle, last, init, tail, p, q, r, head)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
for n, *rest in [(1, 2, 3), (4,)]:
    print(n, rest)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 3 <= x != 4, "a" < "b" < "c")
l1 = [1, 2]
l2 = l1
l3 = [1, 2]
print(l1 is l2, l1 is l3, l1 == l3, l1 is not l3, None is None, 2 in l1, 5 not in l1, "ell" in "hello")
print(0 or "default", "" or [] or None, 3 and 4, 0 and 1 / 0, None or 0, [] and "x", not [], not 0.0)
n = 10
n += 5; print(n, end=" ")
n -= 3; print(n, end=" ")
n *= 4; print(n, end=" ")
n //= 5; print(n, end=" ")
n %= 4; print(n, end=" ")
n **= 5; print(n, end=" ")
n <<= 3; print(n, end=" ")
n >>= 2; print(n, end=" ")
n |= 0b101; print(n, end=" ")
n &= 0xFF; print(n, end=" ")
n ^= 0b11; print(n)
f = 7.0
f /= 2
s = "ab"
s *= 3
lst = [1]
lst += [2, 3]
lst *= 2
t = (1,)
t += (2,)
print(f, s, lst, t)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y = 5
except TypeError as e:
    print("TypeError:", e)
