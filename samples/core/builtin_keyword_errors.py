# CPython's TypeError for keyword arguments that builtins and methods refuse.
tests = {
 "print": lambda: print(foo=1), "len": lambda: len([], x=1), "int": lambda: int(x=1), "sorted": lambda: sorted([1], kk=1),
 "min": lambda: min([1], x=1), "max": lambda: max([1], kk=2), "sum": lambda: sum([1], x=1), "enumerate": lambda: enumerate([], x=1),
 "zip": lambda: zip([], x=1), "range": lambda: range(1, x=2), "str": lambda: str(x=1), "float": lambda: float(x=1), "list": lambda: list(x=1),
 "dict.get": lambda: {}.get(1, x=2), "list.sort": lambda: [].sort(x=1), "str.split": lambda: "a".split(x=1), "round": lambda: round(1, x=2),
 "isinstance": lambda: isinstance(1, int, x=1), "open": lambda: open("f", x=1), "divmod": lambda: divmod(1, 2, x=1), "abs": lambda: abs(1, x=2),
 "map": lambda: map(str, [], x=1), "filter": lambda: filter(None, [], x=1), "iter": lambda: iter([], x=1), "next": lambda: next(iter([]), x=1),
 "repr": lambda: repr(1, x=1), "tuple": lambda: tuple(x=1), "set": lambda: set(x=1), "reversed": lambda: reversed([], x=1), "hash": lambda: hash(1, x=1),
 "getattr": lambda: getattr(1, "a", x=1), "any": lambda: any([], x=1), "pow": lambda: pow(2, 3, x=1), "format": lambda: format(1, x=1), "chr": lambda: chr(1, x=1),
 "bool": lambda: bool(x=1), "frozenset": lambda: frozenset(x=1), "bytes": lambda: bytes(x=1), "input": lambda: input(x=1),
 "str.join": lambda: "".join([], x=1), "str.replace": lambda: "a".replace("a", "b", x=1), "list.append": lambda: [].append(1, x=1), "dict.pop": lambda: {}.pop(1, x=1),
 "str.startswith": lambda: "a".startswith("a", x=1), "str.format": lambda: "{x}".format(y=1),
}
for name, t in tests.items():
    try: t(); print(name, "no error")
    except (TypeError, KeyError) as e: print(name, "|", type(e).__name__, e)


def f(**k):
    return k


class C:
    def m(self, **k):
        return k


for fn in [f, C().m, print, C, dict, lambda **k: 0]:
    try:
        fn(c=1, **{"c": 2})
    except TypeError as e:
        print(e)
for call in [lambda: f(**{"c": 2}, **{"c": 3}), lambda: f(**[1]), lambda: C().m(**{"a": 1}, a=2), lambda: f(**{"a": 1}, b=2)]:
    try:
        print(call())
    except TypeError as e:
        print(e)
