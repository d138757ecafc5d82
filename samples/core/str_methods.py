# The common str methods, code-point indexing and slicing, Unicode.
s = "Hello, Wörld! ÀÉÎ ß"
print(len(s), s[0], s[-1], s[7:12], s[::-1], s[::2], s[-3:], s[100:], s[-100:3])
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("a,b,,c".split(","), "  lots   of   space  ".split(), "a b c d".split(" ", 2), "a,b,c".rsplit(",", 1))
print("x".join(["1", "2", "3"]), "".join(reversed("abc")), ", ".join(str(i) for i in range(4)))
print("  pad  ".strip(), "xxhixx".strip("x"), "  left".lstrip(), "right  ".rstrip(), "www.site.com".lstrip("w."))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".find("an"), "banana".rfind("an"), "banana".find("z"))
print("banana".index("n"), "banana".count("a"), "banana".count("an"), "banana".startswith("ba"), "banana".endswith(("x", "na")))
print("abc".center(9, "*"), "abc".ljust(6, "-"), "abc".rjust(6), "42".zfill(5), "-42".zfill(5), "ab".center(5))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalpha(), "Éé".isalpha(), " \t".isspace(), "ABC".isupper())
print("one\ntwo\r\nthree".splitlines(), "a\nb\n".splitlines(True), "k=v=w".partition("="), "k=v=w".rpartition("="), "none".partition(":"))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "x".removeprefix("y"))
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("ab", "-"), "{name:>6}|".format(name="bob"), "%s=%d" % ("n", 5))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there\n"), repr("é\x00\x7f"), ascii("héllo"))
print("ß".upper(), "ﬁ".upper(), "İ".lower(), "ΣΑΣ".lower(), ord("é"), chr(8364), "😀"[0], len("😀"))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), max(words, key=len), [w[::-1] for w in words if len(w) > 4])
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)

# Concatenating an empty str gives the other operand itself, as in CPython.
base = "ab" * 3
empty = ""
print(base + empty is base, empty + base is base, (base + empty) == base)
grown = base
grown += ""
print(grown is base, grown + "c", base)
