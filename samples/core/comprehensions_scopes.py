# List/dict/set comprehensions, nesting, scoping of loop variables, and
# generator expressions handed to consumers.
x = "outer x"
squares = [x * x for x in range(6)]
print(squares, x)
evens = [n for n in range(20) if n % 2 == 0 if n % 3]
pairs = [(a, b) for a in range(3) for b in range(a) if (a + b) % 2]
print(evens, pairs)
matrix = [[r * 4 + c for c in range(4)] for r in range(3)]
transposed = [[row[i] for row in matrix] for i in range(4)]
flat = [v for row in matrix for v in row]
print(transposed, flat[-3:])
lengths = {w: len(w) for w in ["alpha", "be", "gamma"]}
inverted = {v: k for k, v in lengths.items()}
initials = {w[0] for w in ["apple", "avocado", "berry"]}
print(lengths, inverted, sorted(initials))
print(sum(i * i for i in range(10)), max(len(w) for w in lengths), "-".join(str(i) for i in range(4)))
print(list(w.upper() for w in lengths if "a" in w), sorted((v, k) for k, v in lengths.items()))
print(any(c.isdigit() for c in "abc1"), all(c.islower() for c in "abc"), min(abs(v - 3) for v in [8, 1, 5]))
gen = (n * 10 for n in range(3))
print(next(gen), list(gen), list(gen))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
table = {k: [j for j in range(k)] for k in range(4)}
print(table, [len(v) for v in table.values()])
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes, len(primes))
nested_gen = sum(sum(v for v in row) for row in matrix)
print(nested_gen, [[1 if i == j else 0 for j in range(3)] for i in range(3)])
