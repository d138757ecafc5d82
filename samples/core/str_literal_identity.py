# Equal str literals are one object, as CPython merges a module's equal
# constants across its functions: `is` sees it, and dict lookups by a
# literal find the key by identity first.
KEY = "idle"


def key(prefix):
    print("key for", prefix)
    return "idle"


def two():
    print("two")
    return "two words"


k = key("x")
a = "two words"
print(k is KEY, two() is a, "".join(["two", " words"]) is a)
counts = {"idle": 0, "move": 0}
for word in ["idle", "move", "idle"]:
    counts[word] += 1
counts["idle"] += 10
print(counts, counts.get("move"), "idle" in counts)
