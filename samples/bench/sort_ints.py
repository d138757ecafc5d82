# Sorting 1,000,000 ints from an LCG: sorted(), list.sort() on a copy, and
# stable key sorts (a lambda key, and key=abs with reverse=True).
def generate(n: int) -> list[int]:
    xs = []
    x = 42
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        xs.append((x >> 7) % 2000001 - 1000000)
    return xs


xs = generate(1000000)
print(len(xs), sum(xs), min(xs), max(xs), xs[:3])

ys = sorted(xs)
print(sum(ys[::500]), ys[:3], ys[-3:])

zs = xs.copy()
zs.sort()
print(zs == ys, xs == ys, zs[500000])

by_mod = sorted(xs, key=lambda v: v % 1000)
print(sum(by_mod[::500]), by_mod[:4], by_mod[-4:])

by_abs = sorted(xs, key=abs, reverse=True)
print(sum(by_abs[::500]), by_abs[:4], by_abs[-4:])

desc = sorted(xs[::4], reverse=True)
print(desc[:3], desc[-3:], sum(desc[::500]))
