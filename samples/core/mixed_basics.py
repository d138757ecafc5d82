import math

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def dist(self):
        return math.sqrt(self.x ** 2 + self.y ** 2)

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

print("hello", fib(20), 2 ** 100)
p = Point(3, 4)
print(p, p.dist())
c = make_counter()
c(); c()
print(c())
xs = [i * i for i in range(10) if i % 2 == 0]
print(xs, sum(x for x in xs), {k: v for k, v in zip("abc", xs)})
try:
    d = {}
    d["missing"]
except KeyError as e:
    print("caught", repr(e))
finally:
    print("finally")
for i in range(3):
    try:
        if i == 1:
            continue
        print("i", i)
    finally:
        print("fin", i)
a, *b = [1, 2, 3]
print(a, b, 7 // -2, -7 % 3, 1 / 3, [1, "a", None, True, 2.5])
raise ValueError("bad thing")
