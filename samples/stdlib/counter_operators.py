# collections.Counter: the multiset operators, in place and unary forms,
# comparisons with missing counts as zero, and the counting methods.
from collections import Counter


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


a = Counter("abracadabra")
b = Counter(a=1, b=-2, z=0, q=4)
print(a, b)
show("a + b", lambda: a + b)
show("a - b", lambda: a - b)
show("b - a", lambda: b - a)
show("a | b", lambda: a | b)
show("a & b", lambda: a & b)
show("b & a", lambda: b & a)
show("+b", lambda: +b)
show("-b", lambda: -b)
show("-a", lambda: -a)
show("a + {}", lambda: a + {"a": 1})
show("a - 1", lambda: a - 1)
show("a | dict", lambda: Counter(x=1) | {"y": 2})
show("dict | a", lambda: {"y": 2} | Counter(x=1))
show("a * 2", lambda: a * 2)

# Comparisons: missing elements count as zero.
c1 = Counter(a=1, b=0)
c2 = Counter(a=1)
print(c1 == c2, c1 != c2, c1 <= c2, c1 < c2, c1 >= c2, c1 > c2)
print(Counter(a=1) < Counter(a=2), Counter(a=2) > Counter(a=1, b=0), Counter(a=1) <= Counter(b=1))
print(Counter("ab") == Counter("ba"), Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1))
print(Counter(a=1, b=0) == {"a": 1})
show("c < dict", lambda: Counter(a=1) < {"a": 1})
show("c >= list", lambda: Counter(a=1) >= [1])

# In place: the same object, non-positive counts dropped, any mapping.
x = Counter(a=3, b=1)
y = x
x += Counter(a=-5, c=2)
print(x, x is y)
x -= {"c": 1}
print(x, x is y)
x |= Counter(c=7, d=0)
print(x)
x &= Counter(c=2, b=5)
print(x, x is y)
z = Counter(a=3)
try:
    z += [1]
except Exception as e:
    print(type(e).__name__, e)
z = Counter(a=3, b=1)
try:
    z &= {"a": 1}
except Exception as e:
    print(type(e).__name__, e)
print(z)

# Methods.
c = Counter("mississippi")
print(c.total(), sorted(c.elements()), list(Counter(b=2, a=1, c=0, d=-1).elements()))
print(c.most_common(2), c.most_common(), c.most_common(0), c.most_common(-1))
print(Counter.most_common(c, 1), Counter.most_common(c))
c.subtract("sip")
print(c)
c.subtract({"m": 5}, )
c.subtract(i=1, z=2)
print(c)
c.update("mm")
c.update({"p": 10})
c.update(q=3)
print(c)
empty = Counter()
empty.update({"x": "s"})
print(empty)
show("str + int", lambda: Counter.update(empty, y="t"))
Counter.update(empty, y=1)
print(empty)
print(Counter("ab", a=5), Counter({"a": 2}, a=1), Counter(None), Counter())
show("Counter(1, 2)", lambda: Counter(1, 2))
show("update(1, 2)", lambda: c.update(1, 2))
show("fromkeys", lambda: Counter.fromkeys("ab"))
show("elements float", lambda: list(Counter(a=2.5).elements()))
show("unorderable", lambda: Counter(a=[1], b=2))
show("str counts", lambda: Counter(a="x", b="y"))
print(Counter(a=2, b=2, c=3), Counter("zyx"))
print(+Counter(), -Counter(), Counter() + Counter(), Counter(a=0) == Counter())
print(type(a + b).__name__, type(+a).__name__)
