# Sorting lists long enough for the int fast paths: ties under a key keep
# their order, reverse=True keeps it too, and lists that are not all
# machine ints (big ints, strs as items with int keys) sort the same way.
def lcg(n, seed, span):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        out.append((x >> 20) % span - span // 2)
    return out


xs = lcg(5000, 7, 2_000_001)
ys = sorted(xs)
print(ys[:3], ys[-3:], ys == sorted(xs, reverse=True)[::-1])
print(sum(ys[i] * i for i in range(0, len(ys), 97)) % 1_000_003)

wide = lcg(3000, 11, 2**63) + [-(2**63), 2**63 - 1, 0, -1]
w = sorted(wide)
print(w[:2], w[-2:], all(a <= b for a, b in zip(w, w[1:])))

# Ties under a key: the original order of equal keys must survive.
tagged = [(v % 7, i) for i, v in enumerate(xs)]
by_key = sorted(range(len(xs)), key=lambda i: xs[i] % 7)
print(by_key[:8], by_key[-8:])
by_key_rev = sorted(range(len(xs)), key=lambda i: xs[i] % 7, reverse=True)
print(by_key_rev[:8], by_key_rev[-8:])
print([i for _, i in sorted(tagged, key=lambda t: t[0])] == by_key)

# Int items sorted by an int key, both directions.
print(sorted(xs, key=lambda v: v % 1000)[:6])
print(sorted(xs, key=abs, reverse=True)[:6])
print(sorted(xs, key=lambda v: -v)[:3] == ys[::-1][:3])

# Not all machine ints: a big int among them, strs keyed by length.
big = xs[:1000] + [10**30, -(10**30)]
b = sorted(big)
print(b[0], b[-1], b[1:4])
words = [f"w{v % 50}" * (1 + v % 3) for v in xs[:2000]]
by_len = sorted(words, key=len)
print(by_len[:5], by_len[-3:])
words.sort(key=len, reverse=True)
print(words[:4], words[-4:])

# list.sort() in place, descending.
zs = xs.copy()
zs.sort(reverse=True)
print(zs[:3], zs == ys[::-1])
