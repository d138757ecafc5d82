# A native function returning one of its str arguments unchanged returns
# that very object, as CPython does (`return s`, `s.strip()` with nothing
# to strip, `s[:]`); a str it builds, or `lower()`/`upper()` of one, is a
# new object.
def same(s: str) -> str:
    return s


def stripped(s: str) -> str:
    return s.strip()


def whole(s: str) -> str:
    return s[:]


def shorter(s: str, t: str) -> str:
    if len(s) > len(t):
        return t
    return s + "!"


def lowered(s: str) -> str:
    return s.lower()


a = "hello world" * 3
b = "x" * 5
print(same(a) is a, stripped(a) is a, stripped("  " + a) is a, whole(a) is a)
print(shorter(a, b) is b, shorter(b, a) is b, shorter(b, a) == b + "!")
print(lowered(a) is a, lowered(a) == a, lowered("ÀB") is a)
