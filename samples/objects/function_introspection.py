"""Function objects: __annotations__, __defaults__, __kwdefaults__,
__code__, __module__, __qualname__, __doc__ and attributes."""

import functools
from typing import Optional

order = []


def note(tag, value):
    order.append(tag)
    return value


def annotated(a: note("a", int), /, b: note("b", str), *args: note("args", float),
              c: note("c", "text") = note("c-default", 1), d, **kw: note("kw", bool)) -> note("ret", None):
    """Adds things up."""
    total = 0
    return total


print("evaluation order:", order)
print(annotated.__annotations__)
print(annotated.__defaults__, annotated.__kwdefaults__)
print(annotated.__name__, annotated.__qualname__, annotated.__module__)
print(repr(annotated.__doc__))


def plain(x, y=2, *rest, k=3, m, **extra):
    return x


code = plain.__code__
print(code.co_name, code.co_qualname, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames)
print(plain.__annotations__, plain.__defaults__, plain.__kwdefaults__, plain.__doc__)
print(plain.__annotations__ is plain.__annotations__)


def no_defaults(a, b):
    return a + b


print(no_defaults.__defaults__, no_defaults.__kwdefaults__, no_defaults.__code__.co_varnames)

lam = lambda p, q=5: p * q
print(lam.__name__, lam.__qualname__, lam.__annotations__, lam.__defaults__, lam.__code__.co_varnames)


class Box:
    def method(self, item: "Box", count: int = 1) -> Optional[int]:
        "A method."
        return None

    @staticmethod
    def helper(n: list[int]) -> dict[str, int]:
        return {}


print(Box.method.__qualname__, Box.method.__annotations__, Box.method.__doc__)
print(Box.helper.__annotations__)
print(Box().method.__annotations__, Box().method.__name__, Box().method.__defaults__)


def outer():
    def inner(v: int) -> str:
        return str(v)

    return inner


inner = outer()
print(inner.__qualname__, inner.__annotations__, inner.__code__.co_name)

# Assigning and deleting annotations.
plain.__annotations__ = {"x": int}
print(plain.__annotations__)
try:
    plain.__annotations__ = 5
except TypeError as e:
    print(type(e).__name__, e)
del plain.__annotations__
print(plain.__annotations__)

# Arbitrary attributes live in __dict__.
print(no_defaults.__dict__)
no_defaults.tag = "sum"
no_defaults.count = 2
print(no_defaults.__dict__, no_defaults.tag, getattr(no_defaults, "count"))
del no_defaults.tag
print(no_defaults.__dict__, hasattr(no_defaults, "tag"))
try:
    del no_defaults.tag
except AttributeError as e:
    print(type(e).__name__, e)
try:
    no_defaults.missing
except AttributeError as e:
    print(type(e).__name__, e)

no_defaults.__module__ = "elsewhere"
no_defaults.__qualname__ = "renamed.no_defaults"
no_defaults.__doc__ = "Now documented."
print(no_defaults.__module__, no_defaults.__qualname__, no_defaults.__doc__, no_defaults.__dict__)


# functools.wraps copies the wrapped function's metadata.
def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)

    return wrapper


@deco
def wrapped(n: int) -> int:
    "Doubles."
    return n * 2


print(wrapped.__name__, wrapped.__doc__, wrapped.__annotations__, wrapped(4), wrapped.__wrapped__.__name__)

# singledispatch reads the first parameter's annotation.
@functools.singledispatch
def show(obj):
    return f"object {obj!r}"


@show.register
def _(obj: int):
    return f"int {obj}"


@show.register
def _(obj: str, extra: float = 0.0):
    return f"str {obj}"


@show.register
def _(obj: list | tuple):
    return f"sequence of {len(obj)}"


@show.register
def _(obj: None):
    return "nothing"


print(show(1), show("a"), show([1, 2]), show((1,)), show(2.5), show(None), show(True))
print(sorted(k.__name__ for k in show.registry))
try:
    @show.register
    def _(obj):
        return "no annotation"
except TypeError as e:
    print(type(e).__name__, str(e).split(":")[0])
try:
    @show.register
    def _(obj: list[int]):
        return "generic alias"
except TypeError as e:
    print(type(e).__name__, e)

# Dynamic access by computed names.
for attr in ["__name__", "__qualname__", "__defaults__", "__kwdefaults__", "__annotations__", "__module__"]:
    print(attr, getattr(annotated, attr))

# typing.get_type_hints on simple annotations.
import typing


def hinted(a: int, b: None, c: list[str] = []) -> dict:
    return {}


print(typing.get_type_hints(hinted))
print(typing.get_type_hints(plain))


class Base:
    x: int
    y: str


class Derived(Base):
    z: float
    x: bool


print(typing.get_type_hints(Derived))


# Annotations run with the def: a local assigned later is unbound then.
def late():
    def inner(x: T) -> None:
        pass

    T = int
    return inner


try:
    late()
except NameError as e:
    print(type(e).__name__, e)
