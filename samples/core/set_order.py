s = {5, 3, 1, 100, 33, 8}
print(s, set(range(20, 0, -3)), {-1, -2, 7, 2**61, 2**61 - 1})
s.add(64); s.discard(3); s.add(3); print(s)
a = {1, 2, 3, 4, 5, 40, 90}
b = {4, 5, 6, 7, 90, 200}
print(a | b, a & b, a - b, a ^ b, b - a, b ^ a)
print(a.union([100, 9], {77}), a.intersection(b, {5, 90}), a.difference(b), a.symmetric_difference([1, 50]))
c = set(a); c |= {1000, 17}; print(c); c &= {17, 1, 2, 1000, 3}; print(c); c -= {2}; print(c); c ^= {3, 99}; print(c)
p = {9, 18, 27, 36}
print(p.pop(), p.pop(), p)
big = set(range(0, 200, 7))
print(big)
for i in range(0, 200, 14):
    big.discard(i)
print(big, len(big))
print(frozenset([3, 1, 2]) | {10}, {(1, 2), (3, 4), (2, 1)}, {0.5, 1.5, 1.0, 2})
print(sorted({"b", "a"}), {x * x for x in range(-5, 6)}, set("aaa") == {"a"})
