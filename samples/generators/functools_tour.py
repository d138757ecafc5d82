from functools import reduce, partial, wraps, lru_cache, cache, total_ordering, cmp_to_key

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
print(square(7), partial(power, 2)(10))

def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return fn(*args, **kwargs)
    return wrapper

@logged
def greet(name):
    """Say hello."""
    return "hi " + name
print(greet("x"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(25))

@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, o):
        return (self.major, self.minor) == (o.major, o.minor)
    def __lt__(self, o):
        return (self.major, self.minor) < (o.major, o.minor)
    def __repr__(self):
        return f"v{self.major}.{self.minor}"
a, b = Version(1, 2), Version(1, 3)
print(a < b, a <= b, a > b, a >= b, sorted([b, a, Version(0, 9)]))

def compare(x, y):
    return len(x) - len(y)
print(sorted(["ccc", "a", "bb"], key=cmp_to_key(compare)))
