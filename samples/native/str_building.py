# Native strs that are built: concatenation (+ and += in loops), join,
# slices, constant lists of str literals, and returning a str or a list of
# them. Each function also meets inputs that send it back to the dynamic
# code: an index out of range, a non-str argument, more text than the
# native arena holds.
WORDS = ["spam", "eggs", "ham", "ünï"]
GREEK = ("alpha", "beta")
NAMES = ["ann", "bob"]
NAMES.append("cy")
SHOWN = ["x", "y"]
print(SHOWN)


def sentence(n: int) -> str:
    s = ""
    for i in range(n):
        s += WORDS[i % len(WORDS)]
        if i % 3 == 2:
            s += "\n"
        else:
            s += " "
    return s


def tagged(n: int) -> list:
    out = []
    for i in range(n):
        out.append(GREEK[i % 2] + ("!" if i % 3 == 0 else ""))
    return out


def joined(n: int, sep: str) -> str:
    parts = []
    for i in range(n):
        parts.append(WORDS[i])
    return sep.join(parts)


def initials(text: str) -> str:
    out = ""
    for word in text.split():
        out = out + word[0] + "."
    return out


def pieces(s: str) -> str:
    return s[1:] + "|" + s[:-2] + "|" + s[-3:] + "|" + s[2:2] + "|" + s[-100:100] + "|" + s[:]


def known(word: str) -> bool:
    return word in WORDS and word not in GREEK


def third_name() -> str:
    return NAMES[2]


def doubled_len(t: str) -> int:
    u = t + t
    return len(u)


print(repr(sentence(7)))
print(len(sentence(30000)), sentence(30000)[-12:])
print(tagged(5), tagged(0))
print(repr(joined(0, ", ")), repr(joined(1, ", ")), repr(joined(4, "-")))
try:
    joined(5, "-")
except IndexError as e:
    print("IndexError:", e)
print(initials("  portable  native  code "), repr(initials("")))
print(pieces("héllo wörld"), pieces("ab"))
print(known("ham"), known("alpha"), known("Ham"))
print(third_name())
print(doubled_len("ab"), doubled_len("ab" * 20_000_000))
try:
    initials(["not", "a", "str"])
except AttributeError as e:
    print("AttributeError:", e)
print(pieces(b"bytes!"))
