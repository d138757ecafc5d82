# Tuples returned or yielded by functions with native versions: 2 to 4
# items are Rust tuples; (x,), () and 5 or more items stay dynamic (a 5-tuple
# did not build, and (x,) printed as x).
def f(a: int):
    return a, a, a, a, a
def g(a: int, b: float):
    return a, b, a, b, a, b, a, b, a, b, a, b
def h(a: int):
    return a, a, a, a, a, a, a, a, a, a, a, a, a
def one(a: int):
    return (a,)
def use(a: int) -> int:
    t = f(a)
    x, y, z, u, v = t
    return x + y + z + u + v
print(f(1), g(2, 0.5), h(3), one(4), use(5))
def four(a: int):
    return a, a + 1, a + 2, a + 3
def use4(a: int) -> int:
    w, x, y, z = four(a)
    return w * x * y * z
print(four(1), use4(2))
def empty(a: int):
    return ()
def gen1(n: int):
    for i in range(n):
        yield (i,)
def gen5(n: int):
    for i in range(n):
        yield i, i, i, i, i
print(empty(1), list(gen1(2)), list(gen5(2)))
