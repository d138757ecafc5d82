# match over int and str literals: a native Rust match picks the case for
# int and str subjects; floats, bools and objects with __eq__ take the
# general == path and must still match as CPython does.
class Weird:
    def __eq__(self, other): return other == "go"
def cmd(c):
    match c:
        case "go" | "run": return "move"
        case "stop": return "halt"
        case 0: return "zero"
        case -5: return "minus five"
        case other: return f"unknown {other!r}"
def plain(c):
    match c:
        case 1: r = "one"
        case "x": r = "ex"
    return r if c in (1, "x") else "none"
for v in ["go", "run", "stop", 0, 0.0, False, True, -5, -5.0, "zz", Weird(), None, 10**30]:
    print(repr(v) if not isinstance(v, Weird) else "Weird", "->", cmd(v) if not isinstance(v, Weird) else cmd(v)[:4])
for v in [1, "x", 2]:
    print(plain(v))
def loop():
    out = []
    for t in ["a", "b", "stop", "c"]:
        match t:
            case "stop": break
            case "b": continue
            case _: out.append(t)
    return out
print(loop())
