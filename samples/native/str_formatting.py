# Native str formatting: f-strings with and without format specs over
# ints, floats, bools and strs, printf-style % with a tuple or one value,
# str() of numbers, and join over a generator expression or a list
# comprehension of strs. A spec or % format Python rejects sends the call
# back to the dynamic code, which raises as CPython does.
NAMES = ["ann", "bob", "cy"]


def row(i: int, x: float, ok: bool, name: str) -> str:
    return f"{i}|{i:05d}|{i:>6,}|{x}|{x:.3f}|{x:10.2e}|{x:g}|{ok}|{ok:d}|{name:^7}|{name:.2}"


def table(n: int) -> str:
    return "".join("%-5s|%4d|%7.2f|%x\n" % (NAMES[i % 3], i * 37, i / 7, i * 255) for i in range(n))


def labels(n: int) -> list:
    return [f"item-{k}" for k in range(n)]


def numbered(text: str) -> str:
    out = []
    k = 0
    for word in text.split():
        k += 1
        out.append(str(k) + ":" + word + "/" + str(k / 2) + "/" + str(k > 1))
    return ", ".join(out)


def chars(s: str) -> str:
    return "-".join(f"{c}{c.isdigit():d}" for c in s.split())


def shown(name: str) -> str:
    return f"{name!r:>8}"


def bad_spec(i: int) -> str:
    return f"{i:q}"


def bad_percent(i: int) -> str:
    return "%d %d" % (i,)


def one_value(x: float) -> str:
    return "[%8.3f]" % x


print(row(42, 3.14159, True, "zed"))
print(row(-1234567, -0.0, False, "ünïcode"))
print(row(0, 1e100, True, ""))
print(row(7, float("inf"), False, "nan"), row(7, float("nan"), True, "x"))
print(table(4), end="")
print(labels(3), labels(0))
print(numbered("alpha beta  gamma"))
print(chars("1 a 22 b3"))
print(one_value(2.0 / 3), one_value(-1e10), shown("it's"))
for f, arg in [(bad_spec, 5), (bad_percent, 5)]:
    try:
        print(f(arg))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
