# PEP 695 type parameters on functions and classes, typing.Generic and
# Protocol as bases.
from typing import Generic, Protocol, TypeVar, runtime_checkable


def first[T](lst: list[T]) -> T:
    return lst[0]


def pair[K, V](k: K, v: V, sep: str = "=") -> str:
    return f"{k}{sep}{v}"


print(first([3, 1, 2]), first("xyz"), pair("a", 1), pair("b", 2, sep=":"))
print(first.__type_params__, pair.__type_params__, first.__qualname__)
(T,) = first.__type_params__
print(T.__name__, T.__bound__, T.__constraints__, type(T).__name__, T.__infer_variance__)


def clamp[N: (int, float)](x: N, lo: N, hi: N) -> N:
    return max(lo, min(x, hi))


def biggest[C: int](xs: list[C]) -> C:
    return max(xs)


(N,) = clamp.__type_params__
print(clamp(15, 0, 10), clamp(-2.5, 0.0, 1.0), N.__constraints__, N.__bound__)
print(biggest([4, 9, 2]), biggest.__type_params__[0].__bound__)


def make_getter[T](value: T):
    def get() -> T:
        return value
    return get, T


g, tv = make_getter(42)
print(g(), tv, g.__qualname__)


class Box[T]:
    """A box holding one item."""

    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def kind(self):
        return T

    def __repr__(self) -> str:
        return f"Box({self.item!r})"


b = Box(5)
print(b, b.get(), Box.__type_params__, b.kind() is Box.__type_params__[0])
print(Box[int], Box[str], Box.__doc__, Box.__mro__)
print(Box[int](7), Box.__parameters__)


class Multi[K, *Ts, **P]:
    pass


print(Multi.__type_params__, Multi[int, str, float, [int, str]])

# The old spelling: TypeVar and Generic[T].
S = TypeVar("S")
Num = TypeVar("Num", int, float)
Co = TypeVar("Co", covariant=True)


class Stack(Generic[S]):
    def __init__(self) -> None:
        self.items: list[S] = []

    def push(self, x: S) -> None:
        self.items.append(x)

    def pop(self) -> S:
        return self.items.pop()


s = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.items, Stack[int], Stack.__parameters__, S, Num, Co, Num.__constraints__)
print(Stack.__mro__, Stack.__bases__)


@runtime_checkable
class Greeter(Protocol):
    def greet(self) -> str: ...


class English:
    def greet(self) -> str:
        return "hello"


class Mute:
    pass


print(isinstance(English(), Greeter), isinstance(Mute(), Greeter), English().greet())

try:
    Stack[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    Generic[int]
except TypeError as e:
    print("TypeError:", e)
