# Classes deriving from built-in types: int, float, str, tuple, list, dict and set
# subclasses whose instances are values of the type, with methods and attributes of
# their own, overriding some operations and inheriting the rest.
class Money(int):
    def __new__(cls, amount, currency="EUR"):
        obj = super().__new__(cls, amount)
        obj.currency = currency
        return obj

    def __repr__(self):
        return f"Money({int(self)}, {self.currency!r})"

    def __add__(self, other):
        return Money(int(self) + int(other), self.currency)


m = Money(5, "USD")
print(m, repr(m), m + 3, type(m + 3).__name__, m * 2, type(m * 2).__name__, m.currency)
print(m == 5, m > 4, hash(m) == hash(5), f"{m:>6}", f"{m}", str(m), m.bit_length(), m.real)

class Celsius(float):
    def fahrenheit(self):
        return self * 9 / 5 + 32
c = Celsius(21.5)
print(c, repr(c), c.fahrenheit(), c.is_integer(), round(c), int(c), c + 1, isinstance(c, float))

class Upper(str):
    def __new__(cls, text):
        return str.__new__(cls, text.upper())
    def words(self):
        return self.split()
u = Upper("hello big world")
print(u, repr(u), u.words(), len(u), u[0], u[1:5], "BIG" in u, u + "!", u.lower(), type(u.lower()).__name__)
print(sorted([Upper("b"), Upper("a")]), {u: 1}[u], u == "HELLO BIG WORLD", f"[{u:^20}]", "%s" % u)

class Counter(dict):
    def __missing__(self, key):
        return 0
    def bump(self, key):
        self[key] += 1
cnt = Counter()
for w in "a b a c a b".split():
    cnt.bump(w)
print(cnt, len(cnt), cnt["zzz"], "zzz" in cnt, sorted(cnt.items()), isinstance(cnt, dict), list(cnt))

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
s += [4]
print(s, s.peek(), len(s), s.pop(), s, type(s).__name__, s[1:], type(s[1:]).__name__, sum(s), 2 in s)
print(bool(Stack()), bool(s), s == [1, 2, 3], list(reversed(s)), sorted(s, reverse=True))

class LoggingDict(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)
ld = LoggingDict(a=1)
ld["b"] = 2
print(ld, ld.get("b"), dict(ld), {**ld})

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
a, b = p
print(p, p.x, a + b, len(p), p == (3, 4), isinstance(p, tuple), p + (5,))

class Tags(set):
    pass
t = Tags(["x", "y"])
t.add("z")
print(sorted(t), len(t), "x" in t, isinstance(t, set))

class MyList(list):
    def __init__(self, *items):
        super().__init__(items)
        self.label = "L"
ml = MyList(1, 2, 3)
print(ml, ml.label, len(ml), ml[0])

import json
print(json.dumps({"m": m, "u": u, "s": s, "c": cnt, "p": p}))
try:
    class Bad(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Both(int, str):
        pass
except TypeError as e:
    print("TypeError:", e)
print(isinstance(m, Money), issubclass(Money, int), Money.__mro__)
try:
    class CodeError(Exception, int):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Span(range):
        pass
except TypeError as e:
    print("TypeError:", e)
