# Decorators (plain, with arguments, stacked, on classes), closures and
# nonlocal/global state.
calls = []

def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    wrapper.__name__ = "traced_" + fn.__name__
    return wrapper

def repeat(times):
    def deco(fn):
        def run(*args):
            return [fn(*args) for _ in range(times)]
        return run
    return deco

@trace
@repeat(2)
def shout(word):
    return word.upper()

print(shout("hey"), shout.__name__, calls)

def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco

plugins = {}

@register(plugins)
class Alpha:
    pass

@register(plugins)
class Beta:
    pass

print(sorted(plugins), plugins["Beta"])

def make_accumulator(start):
    total = start
    history = []
    def add(x):
        nonlocal total
        total += x
        history.append(total)
        return total
    def report():
        return f"total={total} history={history}"
    return add, report

add, report = make_accumulator(100)
for v in (5, -20, 7):
    add(v)
print(report())

counter = 0
def bump():
    global counter
    counter += 1
    return counter

print([bump() for _ in range(3)], counter)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    x = "changed"
    return middle()

print(outer())
adders = [lambda n, k=k: n + k for k in range(3)]
late = [lambda n: n + k for k in range(3)]
print([f(10) for f in adders], [f(10) for f in late])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), list(map(compose(str, abs), [-1, 2, -3])))
