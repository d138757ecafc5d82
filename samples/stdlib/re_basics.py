import re
from re import compile, fullmatch

p = re.compile(r"(?P<num>\d+)(?P<unit>px|em)?")
print(repr(p), p.pattern, p.groups, p.groupindex)
m = p.search("width: 100px; height: 2em")
print(m, bool(m), m.group(), m.group(0), m.group(1), m.group("unit"), m.group(1, 2))
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.span("unit"), m.start(2))
print(m[0], m[1], m["num"], m.string, m.re is p, m.pos, m.lastindex, m.lastgroup)
m2 = p.search("count 7 items")
print(m2.groups(), m2.groups("-"), m2.groupdict("?"), m2.span(2), m2.lastindex)
print(p.match("x12px"), p.match("12px x"), p.fullmatch("12px x"), fullmatch(r"\d+", "123"))
print(p.search("x12px", 2), p.match("x12px", 1), p.search("12345", 1, 3))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1, b=2, c"), re.findall(r"(\d)x", "1x2y3x"))
print([m.span() for m in re.finditer(r"o", "foo boo")], re.findall(r"(a)|b", "ab"))
# Unicode: positions are code points; \w, \d and case folding are Unicode.
u = "naïve café: ünïcode 12٣"
print(re.findall(r"\w+", u), re.search(r"café", u).span(), re.findall(r"\d", u))
print(re.search(r"ÜNÏ", u, re.I), re.findall(r"\w+", u, flags=re.A))
# $ matches at the end or before a final newline; \Z only at the end.
print(re.search(r"end$", "the end\n"), re.search(r"end\Z", "the end\n"), re.search(r"end$", "the end\n\n"))
print(re.findall(r"^\w+$", "one\ntwo\nthree", re.M), re.findall(r"^\w+", "one\ntwo", re.MULTILINE | re.I))
print(re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.S).span(), re.search(r"(?s)a.c", "a\nc").group())
print(re.match(r"(?i)HELLO", "hello world"), re.search(r"(?i:X)y", "xY"), re.search(r"(?i:X)y", "xy"))
verbose = re.compile(r"""
    (\d{3})   # area
    [-.\s]?   # separator
    (\d{4})   # number
""", re.VERBOSE)
print(verbose.search("call 555-1234 now").groups(), verbose.flags & re.X != 0)
print(re.search(r"(\w+) \1", "hello hello world").group(), re.search(r"(?P<w>\w)(?P=w)", "abccd").span())
print(re.search(r"(?<=\$)\d+", "cost: $42").group(), re.search(r"\d+(?!px)\b", "12px 34em"), re.findall(r"(?<!-)\b\d", "-1 2"))
print(re.search(r"\bcat\b", "concat cat"), re.split(r"\W+", "a, b;c"), re.compile("a", re.I | re.M))
print(re.escape("1+1=2? [yes] a.b"), re.findall(re.escape("a.b"), "a.b axb"))
print(re.compile(r"x{2,}").findall("x xx xxx"), re.findall(r"a{,2}", "aaa"), re.findall(r"{", "a{b"))
print(re.search(r"((a)b)(c)?", "xabz").lastindex, re.match(r"(a)(b)?", "ac").groups(), re.match("", "abc"))
print(re.search(r"a(?=b)", "ab ac").span(), re.fullmatch(r"a|ab", "ab"), re.match(r"\s*\S+", "  hi there").group())
for bad in ["(abc", "abc)", "*x", "[a-z", r"\q", "a{3,1}"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("re.error:", e)
try:
    re.search("a", "a").group(5)
except IndexError as e:
    print("IndexError:", e)
print(type(m).__name__, type(p).__name__, re.error.__name__)
