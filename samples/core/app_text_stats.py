# Text statistics over a built-in passage: words, frequencies, lines.
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""

def words(text):
    cleaned = "".join(c.lower() if c.isalpha() or c.isspace() else " " for c in text)
    return cleaned.split()

ws = words(TEXT)
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(f"{len(ws)} words, {len(freq)} distinct, {len(TEXT.splitlines())} lines")
for word, count in top:
    bar = "#" * count
    print(f"{word:>12} {count:3d} {bar}")
longest = max(ws, key=len)
avg = sum(len(w) for w in ws) / len(ws)
print(f"longest: {longest!r} ({len(longest)}), average length {avg:.3f}")
by_len = {}
for w in sorted(set(ws)):
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, by_len[n])
lines = TEXT.splitlines()
print([line.split(",")[0].strip() for line in lines])
print(TEXT.count("it was"), TEXT.lower().count("it was"), TEXT.find("Light"), TEXT.rfind("of"))
caps = [w for w in TEXT.replace(",", " ").replace(".", " ").split() if w[0].isupper()]
print(caps, " ".join(reversed(lines[0].split()))[:40])
