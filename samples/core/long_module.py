# A long script of top-level statements, the way notebooks and course
# exercises are written: py2rs splits such a module body into several
# Rust functions, so names, classes and state must flow from one part to
# the next, and an error late in the file must still end the program.

# --- Part 1: a small inventory -----------------------------------------
inventory = {}
inventory["apples"] = 12
inventory["pears"] = 7
inventory["plums"] = 30
inventory["figs"] = 0
print("items:", len(inventory))
print("total fruit:", sum(inventory.values()))
in_stock = [name for name, count in inventory.items() if count > 0]
print("in stock:", in_stock)
out_of_stock = sorted(set(inventory) - set(in_stock))
print("out of stock:", out_of_stock)
most = max(inventory, key=inventory.get)
print(f"{most=}")
least = min(inventory, key=lambda k: (inventory[k], k))
print(f"{least=}")
inventory["figs"] += 5
print("figs now", inventory["figs"])
del inventory["pears"]
print("keys:", list(inventory))

# --- Part 2: prices and a receipt --------------------------------------
prices = {"apples": 0.5, "plums": 0.25, "figs": 1.75}
print("price list:", prices)
subtotal = 0.0
for name in inventory:
    line = inventory[name] * prices[name]
    subtotal += line
    print(f"  {name:<8}{inventory[name]:>4} x {prices[name]:5.2f} = {line:7.2f}")
print(f"subtotal {subtotal:.2f}")
tax_rate = 0.08
tax = round(subtotal * tax_rate, 2)
print("tax:", tax)
total = subtotal + tax
print(f"total {total:.2f}")
print("rounded total:", round(total))
print("as cents:", int(total * 100))
receipt_lines = [f"{k}:{v}" for k, v in sorted(inventory.items())]
print(" | ".join(receipt_lines))


# --- Part 3: helpers defined here, used much later ----------------------
def mean(xs):
    return sum(xs) / len(xs)


def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def describe(label, xs):
    print(f"{label}: n={len(xs)} mean={mean(xs):.3f} median={median(xs)}")


class Ledger:
    """Keeps entries; its count is shared by every ledger."""

    opened = 0

    def __init__(self, owner):
        self.owner = owner
        self.entries = []
        Ledger.opened += 1

    def add(self, amount, note=""):
        if amount == 0:
            raise ValueError(f"empty entry for {self.owner}")
        self.entries.append((amount, note))
        return self

    def balance(self):
        return sum(a for a, _ in self.entries)

    def __repr__(self):
        return f"Ledger({self.owner!r}, {len(self.entries)} entries)"


print("helpers ready")

# --- Part 4: temperatures ----------------------------------------------
celsius = [-40, -10, 0, 12.5, 21, 37, 100]
print("celsius:", celsius)
fahrenheit = [c * 9 / 5 + 32 for c in celsius]
print("fahrenheit:", fahrenheit)
kelvin = [round(c + 273.15, 2) for c in celsius]
print("kelvin:", kelvin)
pairs = list(zip(celsius, fahrenheit))
print("same in both:", [c for c, f in pairs if c == f])
describe("celsius", celsius)
describe("fahrenheit", fahrenheit)
freezing = sum(1 for c in celsius if c <= 0)
print(f"{freezing} at or below freezing")
warmest = max(pairs, key=lambda p: p[0])
print("warmest:", warmest)
buckets = {}
for c in celsius:
    buckets.setdefault("cold" if c < 10 else "mild" if c < 25 else "hot", []).append(c)
print("buckets:", buckets)

# --- Part 5: words ---------------------------------------------------------
text = "the quick brown fox jumps over the lazy dog the end"
words = text.split()
print("words:", len(words))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print("counts:", counts)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print("top:", top)
lengths = [len(w) for w in words]
describe("lengths", lengths)
longest = max(words, key=len)
print(f"{longest=} {len(longest)=}")
capitalised = " ".join(w.capitalize() for w in words)
print(capitalised)
initials = "".join(w[0] for w in words).upper()
print("initials:", initials)
vowels = sum(ch in "aeiou" for ch in text)
print("vowels:", vowels)
reversed_words = " ".join(reversed(words))
print(reversed_words)
print("palindromes:", [w for w in set(words) if w == w[::-1] and len(w) > 1])

# --- Part 6: ledgers, using the class from part 3 -----------------------
home = Ledger("home")
home.add(120, "salary").add(-45, "groceries").add(-30.5, "power")
print(home, "balance", home.balance())
work = Ledger("work").add(300).add(-120, "travel")
print(work, "balance", work.balance())
print("ledgers opened:", Ledger.opened)
notes = [note for _, note in home.entries if note]
print("notes:", notes)
try:
    work.add(0)
except ValueError as e:
    print("refused:", e)
print("work entries still", len(work.entries))
everything = home.entries + work.entries
describe("amounts", [a for a, _ in everything])

# --- Part 7: a running state across loops ---------------------------------
state = {"steps": 0, "value": 1}
for i in range(1, 11):
    state["steps"] += 1
    state["value"] = state["value"] * 3 % 1000 + i
print("state:", state)
history = []
n = 27
while n != 1:
    history.append(n)
    n = n // 2 if n % 2 == 0 else 3 * n + 1
print("collatz 27 steps:", len(history), "peak:", max(history))
fib = [0, 1]
while len(fib) < 20:
    fib.append(fib[-1] + fib[-2])
print("fib:", fib[-5:])
big = 1
for k in range(1, 31):
    big *= k
print("30! =", big)
print("digits:", len(str(big)), "trailing zeros:", len(str(big)) - len(str(big).rstrip("0")))
squares = {k: k * k for k in range(6)}
print("squares:", squares)
evens = {k for k in range(20) if k % 2 == 0}
print("evens:", sorted(evens))
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print("matrix:", matrix)
transposed = [list(row) for row in zip(*matrix)]
print("transposed:", transposed)
diagonal = [matrix[i][i] for i in range(3)]
print("diagonal:", diagonal, "trace:", sum(diagonal))

# --- Part 8: the end, where a late error stops the program -----------------
summary = {
    "inventory": len(inventory),
    "words": len(words),
    "ledgers": Ledger.opened,
    "collatz": len(history),
}
print("summary:", summary)
print("checks:", all(v > 0 for v in summary.values()))
for key in sorted(summary):
    print(f"  {key:>10}: {summary[key]}")
print("last fib is", fib[-1], "and 30! mod 1e9+7 is", big % (10**9 + 7))
Ledger("late").add(0, "this one fails")
print("not reached")
