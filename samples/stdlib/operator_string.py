# operator functions and getters, and the string module.
import operator
import string
from functools import reduce
from operator import itemgetter, attrgetter, methodcaller


def attempt(label, f, *args, **kwargs):
    try:
        print(label, "->", repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


# --- arithmetic and bitwise
print(operator.add(2, 3), operator.add("ab", "cd"), operator.add([1], [2]))
print(operator.sub(10, 4), operator.mul(6, 7), operator.mul("ab", 3))
print(operator.truediv(7, 2), operator.floordiv(-7, 2), operator.mod(-7, 3), operator.mod("%s!", "hi"))
print(operator.pow(2, 100), operator.pow(2, -1), operator.pow(2.0, 0.5))
print(operator.neg(5), operator.neg(-2.5), operator.pos(True), operator.abs(-3), operator.abs(-4.5))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.inv(0))
print(operator.lshift(1, 70), operator.rshift(-256, 3))
print(operator.and_({1, 2, 3}, {2, 3, 4}), operator.or_({1}, {2}), operator.xor({1, 2}, {2}))
print(operator.and_(6, 3), operator.or_(-8, 1))
print(reduce(operator.mul, range(1, 11)), reduce(operator.add, ["a", "b", "c"]))

# --- comparisons and truth
print(operator.eq(1, 1.0), operator.ne([1], [1]), operator.lt(1, 2), operator.le(2, 2))
print(operator.gt("b", "a"), operator.ge((1, 2), (1, 3)))
print(operator.not_([]), operator.not_(3), operator.truth(""), operator.truth([0]))
print(operator.is_(None, None), operator.is_([], []), operator.is_not(1, None))


class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __eq__(self, other):
        return "custom eq"

    def __add__(self, other):
        return Version(self.major + other.major, self.minor + other.minor)

    def __neg__(self):
        return Version(-self.major, -self.minor)

    def __index__(self):
        return self.major * 100 + self.minor

    def __repr__(self):
        return f"v{self.major}.{self.minor}"


v1, v2 = Version(1, 2), Version(1, 10)
print(operator.lt(v1, v2), operator.gt(v1, v2), operator.eq(v1, v2), operator.add(v1, v2), operator.neg(v1))
print(operator.index(v2), operator.index(7), operator.index(2**70), operator.index(True))

# --- sequences
print(operator.concat([1, 2], [3]), operator.concat("ab", "c"), operator.concat((1,), (2,)))
print(operator.contains([1, 2, 3], 2), operator.contains("hello", "ell"), operator.contains({"k": 1}, "v"))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
d = {"a": 1}
operator.setitem(d, "b", 2)
print(operator.getitem(d, "b"), d)
operator.delitem(d, "a")
print(d)
lst = [0, 1, 2, 3, 4, 5]
print(operator.getitem(lst, -1), operator.getitem(lst, slice(1, 4)))
operator.setitem(lst, slice(0, 2), ["x"])
operator.delitem(lst, 2)
print(lst)
acc = [1]
print(operator.iadd(acc, [2]), acc, operator.iadd(5, 1), operator.iconcat(acc, (3,)), acc)

# --- names and aliases
print(operator.add.__name__, operator.not_.__name__, operator.__add__ is operator.add, operator.__not__.__name__)
print(operator.add, operator.truediv)

# --- itemgetter / attrgetter / methodcaller
rows = [("bob", 25, "nyc"), ("ann", 31, "sf"), ("cy", 25, "la")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(2)("abcdef"), itemgetter(0, 2, -1)("abcdef"), itemgetter("k")({"k": "v"}))
print(itemgetter(slice(1, None))([1, 2, 3]), list(map(itemgetter(0), rows)))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(itemgetter(slice(1, 2))))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class Segment:
    def __init__(self, a, b):
        self.start, self.end = a, b


seg = Segment(Point(1, 2), Point(3, 4))
print(attrgetter("start.x")(seg), attrgetter("start.y", "end.x", "end")(seg)[:2])
print(attrgetter("real", "imag")(3), attrgetter("__class__.__name__")(seg))
print(repr(attrgetter("x")), repr(attrgetter("a.b", "c")))
pts = [Point(3, 1), Point(1, 2), Point(2, 0)]
print([p.x for p in sorted(pts, key=attrgetter("x"))], [p.x for p in sorted(pts, key=attrgetter("y"))])

print(methodcaller("upper")("shout"), methodcaller("split", ",", maxsplit=1)("a,b,c"))
print(methodcaller("replace", "a", "o")("banana"), list(map(methodcaller("strip"), [" a ", "b  "])))
print(repr(methodcaller("f")), repr(methodcaller("f", 1, "two", k=[3])))

attempt("add one arg", operator.add, 1)
attempt("add kw", operator.add, a=1, b=2)
attempt("neg none", operator.neg)
attempt("neg str", operator.neg, "x")
attempt("setitem short", operator.setitem, {}, 1)
attempt("truediv zero", operator.truediv, 1, 0)
attempt("lt mixed", operator.lt, 1, "a")
attempt("concat int", operator.concat, 1, 2)
attempt("concat dict", operator.concat, {}, {})
attempt("concat mixed", operator.concat, [1], (2,))
attempt("contains int", operator.contains, 1, 1)
attempt("index float", operator.index, 2.0)
attempt("indexOf missing", operator.indexOf, [1, 2], 3)
attempt("getitem missing", operator.getitem, {}, "k")
attempt("delitem range", operator.delitem, [1], 5)
attempt("itemgetter none", itemgetter)
attempt("itemgetter call", itemgetter(5), [1])
attempt("itemgetter two args", itemgetter(1), [1, 2], 3)
attempt("attrgetter int", attrgetter, 1)
attempt("attrgetter missing", attrgetter("x.y"), seg)
attempt("methodcaller none", methodcaller)
attempt("methodcaller int", methodcaller, 1)
attempt("methodcaller missing", methodcaller("nope"), 1)
attempt("methodcaller no arg", methodcaller("f"))

# --- string
for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "whitespace", "printable"]:
    value = getattr(string, name)
    print(name, len(value), repr(value))
print(string.capwords("hello   wORLD  from python "), string.capwords("  a-b c-d  ", "-"))
print(repr(string.capwords("")), string.capwords("x y", None), repr(string.capwords("a  b", " ")))
print(string.capwords(s="one two", sep="o"))
print(all(c in string.printable for c in "Hi there!\n"), "é" in string.ascii_letters)
attempt("capwords int", string.capwords, 5)
attempt("capwords empty sep", string.capwords, "x", "")
attempt("capwords no args", string.capwords)
attempt("capwords int sep", string.capwords, "a b", 1)
print(string.capwords.__name__, string.capwords.__module__)
