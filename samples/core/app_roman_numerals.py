# Roman numeral conversion in both directions, with self-checks.
PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError(f"out of range: {n}")
    out = []
    for value, symbol in PAIRS:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)

def from_roman(s):
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        if ch not in VALUES:
            raise ValueError(f"invalid numeral {ch!r}")
        v = VALUES[ch]
        total += -v if v < prev else v
        prev = max(prev, v)
    return total

for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(f"{n:>5} -> {r:<12} -> {from_roman(r)}")
ok = all(from_roman(to_roman(n)) == n for n in range(1, 4000))
print("round trip 1..3999:", ok)
lengths = {}
for n in range(1, 4000):
    lengths.setdefault(len(to_roman(n)), 0)
    lengths[len(to_roman(n))] += 1
print(sorted(lengths.items())[-3:], max(range(1, 4000), key=lambda n: len(to_roman(n))))
for bad in [0, 4000, "MMXQ"]:
    try:
        print(to_roman(bad) if isinstance(bad, int) else from_roman(bad))
    except ValueError as e:
        print("ValueError:", e)
