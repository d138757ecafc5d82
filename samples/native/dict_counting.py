# Native dicts: counting words into dict[str, int] and dict[int, int], with
# the str methods that need no new str (split, strip) or build one only
# when something changes (lower, upper). Each function also meets inputs
# that push it back to the dynamic code: a missing key, an int past 64
# bits, a non-str argument, more built text than the native arena holds.


def count_words(text):
    counts = {}
    for word in text.split():
        word = word.strip().lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


def shout_lengths(text: str) -> dict:
    lengths = {}
    for word in text.split():
        loud = word.upper()
        if loud not in lengths:
            lengths[loud] = 0
        lengths[loud] += len(word)
    return lengths


def histogram(n: int) -> dict:
    buckets = {}
    for i in range(n):
        k = i * i % 7
        if k in buckets:
            buckets[k] += 1
        else:
            buckets[k] = 1
    return buckets


def lookup(text: str, key: str) -> int:
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts[key] + len(counts)


def doubling(n: int) -> dict:
    d = {}
    d["x"] = 1
    for _ in range(n):
        d["x"] *= 2
    return d


def stripped(text: str) -> dict:
    seen = {}
    for w in text.split():
        seen[w.lstrip().rstrip()] = len(w)
    return seen


print(count_words("the cat  and the HAT\tand The\nbat  "))
print(count_words(""), count_words("   \n\t "))
# Unicode: lower() and upper() follow Python's full case mappings, and
# split() breaks at every Python whitespace character.
print(count_words("Straße STRASSE İstanbul ǅemal\u2003ǅEMAL\u00a0x\u3000X"))
print(shout_lengths("straße ﬁne fine Fine ǆ"))
print(histogram(50), histogram(0))
print(lookup("a b a c", "a"))
try:
    lookup("a b", "zz")
except KeyError as e:
    print("KeyError", e)
print(doubling(10), doubling(70))
print(stripped(" x  y\u2028z "))
c = count_words("b a b")
c["new"] = 5
print(c, len(c), list(c.items()))


class Words:
    def split(self):
        return ["Not", "a", "STR"]


print(count_words(Words()))
many = " ".join(f"WORD{i:07d}" for i in range(200_000))
big = count_words(many)
print(len(big), big["word0000000"], big["word0199999"])
# One word of 70 MB: lowering it is more than the arena takes.
huge = count_words("AB" * 35_000_000)
print(len(huge), [len(k) for k in huge])
