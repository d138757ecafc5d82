# String building: += in loops, "".join of generated pieces, f-strings and
# %-formatting, str.upper/replace/split, and an ord() checksum over results.
WORDS = ["spam", "eggs", "ham", "toast", "beans", "bacon", "tea", "jam"]


def checksum(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 1000000007
    return h


def build_concat(n: int) -> str:
    s = ""
    x = 7
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        s += WORDS[(x >> 16) % 8]
        if i % 10 == 9:
            s += "\n"
        else:
            s += " "
    return s


def build_join(n: int) -> str:
    pieces = []
    for i in range(n):
        pieces.append(f"{i}:{WORDS[i % 8]}={i * i % 997:03d}")
    return ";".join(pieces)


def build_formatted(n: int) -> str:
    return "".join("%-6s|%5d|%7.2f\n" % (WORDS[i % 8], i, i / 7) for i in range(n))


text = build_concat(380000)
lines = text.split("\n")
print(len(text), len(lines), checksum(text))
print(repr(lines[0]))
print(repr(lines[-2][:30]))

upper = text.upper().replace("SPAM", "Spam!").replace("\n", " / ")
words = upper.split()
print(len(upper), len(words), words.count("Spam!"), checksum(upper[:100000]))
print(upper[:60])

joined = build_join(380000)
print(len(joined), checksum(joined), joined[::50000])
print(joined[:50])
print(joined[-40:])

table = build_formatted(200000)
rows = table.splitlines()
print(len(table), len(rows), checksum(table[-20000:]))
print(rows[1234])
fields = [row.split("|") for row in rows[:2000]]
print(sum(int(f[1]) for f in fields), max(f[0].strip() for f in fields))

acc = ""
for i in range(60000):
    acc += str(i % 10)
    if len(acc) > 1000:
        acc = acc[500:]
print(len(acc), acc[:20], checksum(acc))
