class Animal:
    sound = "..."
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    @classmethod
    def make(cls, name):
        return cls(name)
    @staticmethod
    def kind():
        return "animal"
    def __str__(self):
        return "Animal " + self.name

class Dog(Animal):
    sound = "woof"
    def speak(self):
        base = super().speak()
        return base + "!"

class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()

d = Dog.make("Rex")
print(d.speak(), Animal.kind(), str(d), Animal.count)
print(D().who(), D.__mro__)
print(isinstance(d, Animal), issubclass(Dog, Animal), type(d).__name__, type(d))
print([1, 2, 3][::-1], "hello"[1:4], "héllo"[::-1], (1,), (1, 2))
x = [1, 2, 3, 4, 5]
x[1:3] = [9, 9, 9]
del x[0]
print(x, len(x))
def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
print(f(1), f(1, 5, 6, 7, c=8, d=9))
try:
    f()
except TypeError as e:
    print(e)
def g(a, /, b):
    return a + b
try:
    g(a=1, b=2)
except TypeError as e:
    print(e)
print(g(1, b=2))
s = {5, 3, 1, 100, 33, 8}
print(s, frozenset([1,2]), set())
print({"a": 1, "b": [1, 2, {"c": (1, 2)}]})
l = [1]; l.append(l); print(l)
print(0.1 + 0.2, 1e16, 1e-05, float("inf"), -0.0, round(2.5), round(0.125, 2), 10/4)
print(divmod(-7, 2), 2**-1, -7 // 2, 7 % -3, abs(-5), max([3, 1, 4]), min(3, 1, key=lambda v: -v))
print(sorted(["b", "a", "C"], key=str.lower), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(", ".join(["a", "b"]), "x".upper(), "  pad ".strip(), "a,b,,c".split(","), "abc".find("c"))
print(list(enumerate("ab", 1)), list(zip([1, 2], "xy")), any([0, 1]), all([]))
print(hex(255), oct(8), bin(5), chr(65), ord("a"), int("42"), int("ff", 16), float("1.5"))
n = 0
while n < 5:
    n += 1
    if n == 3:
        break
else:
    print("no break")
print("n =", n)
for i in range(3):
    pass
else:
    print("loop else", i)
print(f"{3.14159:.2f} {42:>5} {'x':*^7} {1234567:,} {255:#x}")
print("%d %s %5.1f" % (3, "hi", 2.25))
