import re

print(re.sub(r"\d+", "#", "a1b22c333"), re.sub(r"\d+", "#", "a1b22c333", count=2))
print(re.subn(r"o", "0", "foo boo"), re.subn(r"z", "0", "foo"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"(\d)", r"\g<1>0", "1 2 3"), re.sub(r"(a)|b", r"[\1]", "abba"))
print(repr(re.sub(r",", r"\n\t", "a,b")), re.sub(r"x", r"\\", "axb"), re.sub("a", "", "banana"))


def shout(m):
    return m.group(0).upper() + str(m.start())


print(re.sub(r"[aeiou]", shout, "education"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print(re.subn(r"(?P<n>\d+)", lambda m: f"<{m['n']}>", "1, 22, 333", count=2))
# empty matches
print(re.sub(r"x*", "-", "abxd"), re.sub(r"", "|", "abc"), re.sub(r"\b", "|", "hi yo"))
print(re.findall(r"x*", "axxb"), [m.span() for m in re.finditer(r"\d*", "a12b")])
print(re.split(r",\s*", "a, b,c,   d"), re.split(r"(,)\s*", "a, b,c"), re.split(r",", "a,b,c,d", maxsplit=2))
print(re.split(r"(a)|(b)", "xaybz"), re.split(r"\b", "hi yo"), re.split(r"x*", "axbc"))
print(re.split(r"\s+", "  lead and trail  "), re.split(r"[;,]", ""), re.split("z", "abc"))
p = re.compile(r"(\w+)=(\w+)")
print(p.sub(r"\2=\1", "a=1 b=2"), p.subn(r"\1", "k=v"), p.split("a=1;b=2"))
print(re.sub(r"(?m)^", "> ", "line one\nline two"), re.sub(r"$", "!", "end\n"))
print(re.sub(r"é", "e", "café crème"), re.sub(r"(\w)(\w*)", lambda m: m[1].upper() + m[2], "ünïcode wörds"))
print(re.split(r"ü", "aübüc"), re.sub(r"[^\w\s]", "", "Hello, Wörld! ¿Qué?"))
m = re.search(r"(\w+) (\w+)", "Isaac Newton")
print(m.expand(r"\2, \1"), m.expand(r"\g<2>!"))
for bad in [r"\9", r"\g<x>", r"\q"]:
    try:
        re.sub(r"(a)", bad, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub("a", lambda m: 1, "a")
except TypeError as e:
    print("TypeError:", e)
