"""random with fixed seeds: every function draws CPython's exact sequence."""

import random
from random import Random


def draws(label):
    print(label, [random.random() for _ in range(3)])
    print("  randint", [random.randint(1, 6) for _ in range(10)])
    print("  randrange", random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7),
          random.randrange(100, 0, -3), random.randrange(-10, 10, 4), random.randrange(10**25))
    print("  getrandbits", random.getrandbits(1), random.getrandbits(32), random.getrandbits(64),
          random.getrandbits(100), random.getrandbits(0))


for seed in [0, 1, 42, -7, 2**64 + 12345, 3**100, True, 1.5, -2.25, "hello", b"bytes", bytearray(b"ba")]:
    random.seed(seed)
    draws(f"seed({seed!r})")

random.seed(2024)
colors = ["red", "green", "blue", "cyan", "magenta", "yellow"]
print("choice", [random.choice(colors) for _ in range(5)], random.choice("abcdef"), random.choice(range(100, 200)))
print("choices", random.choices(colors, k=8))
print("choices weights", random.choices(colors, weights=[10, 1, 1, 5, 0, 2], k=8))
print("choices cum_weights", random.choices(colors, cum_weights=[1, 2, 3.5, 4, 10, 11], k=6))
print("choices one", random.choices(colors), random.choices(colors, [1, 2, 3, 4, 5, 6]))
print("choices k=0", random.choices(colors, k=0), random.choices(colors, k=-3))

deck = list(range(20))
random.shuffle(deck)
print("shuffle", deck)
words = ["a", "b", "c"]
random.shuffle(words)
print("shuffle small", words)
one = [1]
random.shuffle(one)
print("shuffle one", one)

print("sample list", random.sample(colors, 3))
print("sample all", random.sample(colors, len(colors)))
print("sample range", random.sample(range(1000), 10))
print("sample large", random.sample(range(10**9), 5))
print("sample big k", sorted(random.sample(range(100), 40))[:10])
print("sample tuple", random.sample((1, 2, 3, 4, 5), k=2))
print("sample str", random.sample("abcdefghijklmnopqrstuvwxyz", 4))
print("sample counts", random.sample(["x", "y", "z"], counts=[3, 1, 5], k=6))
print("sample zero", random.sample(colors, 0))

print("uniform", random.uniform(1, 10), random.uniform(-5.5, 5.5), random.uniform(3, 3))
print("gauss", random.gauss(), random.gauss(), random.gauss(100, 15), random.gauss(mu=0, sigma=2))
print("normalvariate", random.normalvariate(), random.normalvariate(10, 2))
print("expovariate", random.expovariate(), random.expovariate(0.5), random.expovariate(3))
print("triangular", random.triangular(), random.triangular(0, 10), random.triangular(0, 10, 9), random.triangular(5, 5, 5))
print("betavariate", random.betavariate(2, 5), random.betavariate(0.5, 0.5))
print("gammavariate", random.gammavariate(0.5, 1), random.gammavariate(1.0, 2.0), random.gammavariate(9, 0.5))
print("lognormvariate", random.lognormvariate(0, 0.25))
print("vonmisesvariate", random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0, 0))
print("paretovariate", random.paretovariate(3), "weibullvariate", random.weibullvariate(1, 1.5))
print("randbytes", random.randbytes(5), random.randbytes(0))

# Instances have their own state and repeat for equal seeds.
a = random.Random(42)
b = Random(42)
print("instances", a.random() == b.random(), a.randint(1, 100), b.randint(1, 100))
random.seed(42)
print("module vs instance", random.random(), Random(42).random())
c = Random()
c.seed(99)
print("c", c.random(), c.choice(colors), c.sample(range(50), 4), c.getrandbits(40))
d = Random("text seed")
print("d", d.randrange(1000), d.gauss(5, 1), d.gauss_next is not None)
d.seed(7)
print("d reseeded", d.gauss_next, d.randrange(1000))

# getstate/setstate replays the same numbers.
random.seed(123)
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
print("replay", first == [random.random() for _ in range(3)], len(state), state[0], len(state[1]))
e = Random(0)
e.setstate(a.getstate())
print("copied state", e.random() == a.random())

# Unseeded generators are not reproducible, but their results are in range.
f = Random()
print("unseeded", 0 <= f.random() < 1, 1 <= random.randint(1, 3) <= 3)


def attempt(label, fn):
    try:
        fn()
    except (IndexError, ValueError, TypeError) as exc:
        print(label, type(exc).__name__, exc)


attempt("empty choice", lambda: random.choice([]))
attempt("empty range", lambda: random.randrange(0))
attempt("empty range 2", lambda: random.randrange(5, 5))
attempt("empty range 3", lambda: random.randrange(5, 1, 2))
attempt("zero step", lambda: random.randrange(1, 10, 0))
attempt("float range", lambda: random.randrange(1.5))
attempt("missing stop", lambda: random.randrange(10, step=2))
attempt("randint backwards", lambda: random.randint(5, 1))
attempt("randint args", lambda: random.randint(1))
attempt("sample too big", lambda: random.sample([1, 2], 3))
attempt("sample set", lambda: random.sample({1, 2, 3}, 2))
attempt("sample counts", lambda: random.sample([1, 2], 1, counts=[1]))
attempt("choices weights", lambda: random.choices([1, 2], [1]))
attempt("choices both", lambda: random.choices([1, 2], [1, 1], cum_weights=[1, 2]))
attempt("choices zero", lambda: random.choices([1, 2], [0, 0]))
attempt("choices k", lambda: random.choices([1, 2], 3))
attempt("bad seed", lambda: random.seed([1, 2]))
attempt("getrandbits", lambda: random.getrandbits(-1))
attempt("random args", lambda: random.random(1))
attempt("gamma", lambda: random.gammavariate(0, 1))
attempt("state", lambda: random.setstate((9, (), None)))
