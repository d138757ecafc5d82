# functools.singledispatch (register forms, dispatch by MRO, registry),
# itertools.tee, and str.maketrans/str.translate.
import functools
import itertools
from functools import singledispatch


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


@singledispatch
def describe(obj, suffix=""):
    "Describe anything."
    return f"object {obj!r}{suffix}"


@describe.register(int)
def _(obj, suffix=""):
    return f"int {obj}{suffix}"


@describe.register(str)
def _(obj, suffix=""):
    return f"str {obj!r}{suffix}"


@describe.register(list | tuple)
def _(obj, suffix=""):
    return f"sequence of {len(obj)}{suffix}"


def for_float(obj, suffix=""):
    return f"float {obj}{suffix}"


print(describe.register(float, for_float) is for_float)


class Animal:
    pass


class Dog(Animal):
    pass


class Puppy(Dog):
    pass


@describe.register(Animal)
def _(obj, suffix=""):
    return f"animal {type(obj).__name__}{suffix}"


@describe.register(Dog)
def _(obj, suffix=""):
    return f"dog {type(obj).__name__}{suffix}"


for value in [1, True, "hi", [1, 2], (3,), 2.5, None, {1: 2}, Animal(), Dog(), Puppy()]:
    print(describe(value), "|", describe(value, suffix="!"))
print(describe.__name__, describe.__doc__, describe.__wrapped__.__name__)
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(Puppy)(Puppy()), describe.dispatch(object) is describe.__wrapped__)
print(sorted(k.__name__ for k in describe.registry.keys()), len(describe.registry), describe.registry[float] is for_float)
print(object in describe.registry, bytes in describe.registry)
show("no args", lambda: describe())
show("register(1, f)", lambda: describe.register(1, for_float))
show("register(1)", lambda: describe.register(1))


show("register(1, 2)", lambda: describe.register(int | 1, for_float))
try:
    describe.registry[int] = None
except TypeError as e:
    print("TypeError", e)


class Shape:
    @singledispatch
    def area(arg):
        return "generic"


print(Shape.area(3), Shape.area("x"))

# tee: independent iterators over one source.
a, b = itertools.tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = itertools.tee(range(3), 3)
print(list(zip(x, y, z)))
print(itertools.tee("ab", 0), len(itertools.tee("ab", 5)))
p, q = itertools.tee(c * 2 for c in "abc")
print(next(p), list(q), list(p))
r, = itertools.tee([7, 8], 1)
r2, r3 = itertools.tee(r)
print(next(r2), list(r3), list(r2), list(r))
show("tee(-1)", lambda: itertools.tee([1], -1))
show("tee()", lambda: itertools.tee())
show("tee(1)", lambda: itertools.tee(1))


def numbers():
    print("producing 1")
    yield 1
    print("producing 2")
    yield 2


u, v = itertools.tee(numbers())
print(next(u))
print(next(v))
print(list(u), list(v))

# str.maketrans and str.translate.
t = str.maketrans("abc", "xyz", "d")
print(t, "abcdd cab".translate(t))
print(str.maketrans({"a": "1", 98: None, "c": 67}), "".maketrans("a", "b"))
print("hello".translate({ord("l"): "L", ord("o"): None, ord("h"): 74}))
print("abc".translate("xyz"), "abc".translate([None, None]), "abc".translate({}))
print("héllo wörld".translate(str.maketrans("éö", "eo")))
for label, f in [
    ("unequal", lambda: str.maketrans("ab", "xyz")),
    ("int first", lambda: str.maketrans(1, "a")),
    ("int second", lambda: str.maketrans("a", 1)),
    ("int third", lambda: str.maketrans("a", "b", 3)),
    ("list only", lambda: str.maketrans([1])),
    ("long key", lambda: str.maketrans({"ab": 1})),
    ("float key", lambda: str.maketrans({1.5: 1})),
    ("none", lambda: str.maketrans()),
    ("four", lambda: str.maketrans("a", "b", "c", "d")),
    ("too big", lambda: "abc".translate({97: 0x110000})),
    ("negative", lambda: "abc".translate({97: -1})),
    ("float value", lambda: "abc".translate({97: 1.5})),
    ("int table", lambda: "abc".translate(5)),
    ("no table", lambda: "abc".translate()),
]:
    show(label, f)


class Table:
    def __getitem__(self, i):
        if i == ord("a"):
            raise IndexError
        if i == ord("b"):
            raise ValueError("bad b")
        return "_"


show("custom table", lambda: "xa".translate(Table()))
show("custom raises", lambda: "ab".translate(Table()))
