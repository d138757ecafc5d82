# PEP 695 class type parameters in method annotations, read through
# __annotations__; a TypeVar's | builds typing.Union / typing.Optional.
class Stack[U]:
    def push(self, x: U) -> None:
        print("push", x)
    def items(self) -> list[U]:
        return []

class Pair[K, V: int]:
    def get(self, key: K, default: V | None = None) -> tuple[K, V]:
        return (key, default)

def f(a: int) -> str:
    return str(a)

Stack().push(1)
print(f.__annotations__)
print(Stack.push.__annotations__, Stack.items.__annotations__)
print(Pair.get.__annotations__)
from typing import Optional, Union, TypeVar
T = TypeVar("T")
print(Optional[T], Union[int, T], T | None, Optional[int])
