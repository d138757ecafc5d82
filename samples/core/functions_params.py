# Parameters: defaults evaluated once, *args, **kwargs, keyword-only,
# positional-only, and CPython's messages for bad calls.
def greet(greeting, name="world", *rest, punct="!", **extra):
    return f"{greeting}, {name}{punct} rest={rest} extra={extra}"

print(greet("hi"))
print(greet("hi", "bob", 1, 2, punct="?", mood="ok"))
print(greet(name="amy", greeting="yo"))

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1), append_to(2), append_to(3, []))

def pos_only(a, b, /, c, *, d):
    return (a, b, c, d)

print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
calls = [
    lambda: pos_only(1, 2, 3),
    lambda: pos_only(1, b=2, c=3, d=4),
    lambda: pos_only(1, 2, 3, 4),
    lambda: greet(),
    lambda: greet("a", greeting="b"),
    lambda: pos_only(1, 2, 3, d=4, e=5),
    lambda: (lambda x, y: x)(1),
    lambda: (lambda: 0)(1, 2),
    lambda: (lambda a, b=1: a)(),
    lambda: (lambda *, k: k)(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)

def total(*nums, start=0):
    return start + sum(nums)

args = [1, 2, 3]
opts = {"start": 10}
print(total(*args), total(*args, **opts), total(*range(5), *args), total())

def apply(f, *a, **k):
    return f(*a, **k)

print(apply(max, 3, 9, 4), apply(sorted, [3, 1, 2], reverse=True), apply(dict, a=1))
print(greet.__name__, (lambda: 0).__name__, apply.__qualname__, greet.__defaults__)
