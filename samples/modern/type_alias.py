# `type` statements create typing.TypeAliasType objects whose value is
# evaluated lazily.
import typing

type Vector = list[float]
type Pair[T] = tuple[T, T]
type Mapping[K, V] = dict[K, list[V]]

print(Vector, repr(Vector), Vector.__name__, Vector.__value__, Vector.__type_params__)
print(type(Vector).__name__, isinstance(Vector, typing.TypeAliasType), Vector.__module__)
print(Pair, Pair.__type_params__, Pair.__value__, Pair[int], Pair[str].__args__)
print(Mapping.__type_params__, Mapping.__value__, Mapping[str, int])


def scale(v: Vector, k: float) -> Vector:
    return [x * k for x in v]


print(scale([1.0, 2.5], 2))

# The value may name things defined later: it is evaluated on first use.
type Tree = list[Node]
calls = []


def log_value():
    calls.append("evaluated")
    return int


type Lazy = log_value()
print(calls)
print(Lazy.__value__, calls)
print(Lazy.__value__, calls)


class Node:
    pass


try:
    print(Tree.__value__)
except TypeError as e:
    print("TypeError:", e)

type Later = Undefined
try:
    print(Later.__value__)
except NameError as e:
    print("NameError:", e)


def local_alias():
    size = 3
    type Row = tuple[int, ...]
    return Row, size


r, n = local_alias()
print(r, r.__value__, n)

T = typing.TypeVar("T")
P = typing.ParamSpec("P")
print(typing.Concatenate[int, P], typing.Callable[P, int], typing.Callable[[int, str], bool])
try:
    Vector[int]
except TypeError as e:
    print("TypeError:", e)
Alias2 = Pair
print(Alias2 is Pair, Pair.__name__)
Undefined = 1
print(Later.__value__)
