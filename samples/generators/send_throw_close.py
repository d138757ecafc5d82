def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def echo():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got
    return total

e = echo()
print(next(e), e.send(3), e.send(4))
try:
    e.send(None)
except StopIteration as s:
    print("final", s.value)

def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")

g = guarded()
print(next(g))
g.close()
print("closed")

def inner():
    x = yield "a"
    print("inner got", x)
    yield "b"
    return 42

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]

o = outer()
print(next(o), o.send("hi"), next(o), next(o))
print(list(outer()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught inside", e)
        yield 99
t = thrower()
next(t)
print(t.throw(ValueError("boom")))

def gen_in_gen():
    for i in range(3):
        yield from (j * i for j in range(2))
print(list(gen_in_gen()), sum(x * x for x in count_up(4)))
g = guarded()
next(g)
del g
print("after del")
