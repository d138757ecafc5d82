# Native str kernels: str parameters are read in place, characters are
# Rust chars, and anything outside that (a non-str argument, an index out
# of range, ord() of a longer str) bails to the dynamic code, which
# raises what CPython raises.
def checksum(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 1000000007
    return h


def vowels(s: str) -> int:
    return sum(1 for c in s if c in "aeiouAEIOU")


def digits(s: str) -> int:
    n = 0
    for c in s:
        if c.isdigit():
            n = n * 10 + ord(c) - ord("0")
    return n


def first_upper(s: str) -> int:
    i = 0
    while i < len(s):
        if "A" <= s[i] <= "Z":
            return i
        i += 1
    return -1


def has_word(text: str, word: str) -> bool:
    return word in text and len(word) > 0


def compare(a: str, b: str) -> int:
    if a < b:
        return -1
    if a == b:
        return 0
    return 1


def last_code(s: str) -> int:
    return ord(s[-1])


def spaces(s: str) -> int:
    k = 0
    for c in s:
        if c == " " or c.isspace():
            k += 1
    return k


def code_of(s: str) -> int:
    return ord(s)


print(checksum("hello world"), checksum("añb€😀"), checksum(""))
print(vowels("Programming In Python"), digits("a1b2c3"), digits("٣4"))
print(first_upper("abcDef"), first_upper("none"), first_upper("ñÑZ"))
print(has_word("the cat sat", "cat"), has_word("abc", ""), has_word("abc", "abcd"))
print(compare("a", "b"), compare("b", "b"), compare("é", "z"), compare("", "a"), compare("ab", "a"))
print(spaces("a b\tc\u3000d"), spaces(""), code_of("é"))
print(checksum("x" * 100000), vowels("ÀEIOU aeiou"))
try:
    print(last_code(""))
except IndexError as e:
    print("IndexError:", e)
try:
    print(code_of("ab"))
except TypeError as e:
    print("TypeError:", e)
print(checksum(12))
