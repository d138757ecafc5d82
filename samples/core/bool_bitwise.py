# bool's own &, | and ^ give bools (True & False is False, not 0); with an int
# they are int arithmetic. Also in place, and in functions typed bool.
a, b = True, False
print(a & b, a | b, a ^ b, a & 1, True & True)
x = True
x &= False
print(x)
x |= True
print(x)
x ^= True
print(x)
print({1} & {1}, 6 & 3)
def f(a: bool, b: bool) -> bool:
    return (a & b) | (a ^ b)
def g(xs: list[int]) -> bool:
    ok = True
    for x in xs:
        ok &= x > 0
    return ok
print(f(True, False), f(False, False), g([1, 2]), g([1, -1]))
