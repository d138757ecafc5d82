# Word frequencies over generated text: dicts, strings and sorting.
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def make_text(n):
    parts = []
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        parts.append(WORDS[x % len(WORDS)] + ("" if x % 7 else "s"))
    return " ".join(parts)


def count_words(text):
    counts = {}
    for word in text.split():
        word = word.strip().lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


text = make_text(2600000)
counts = count_words(text)
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:8]:
    print(f"{word:>10} {n:6d}")
print("distinct:", len(counts), "total:", sum(counts.values()))
