# dir(): built-in types and modules list what CPython's do; classes and
# instances their namespaces, slots, and the built-in base's names.
from dataclasses import dataclass
import math
print(dir(str)[-5:], len(dir(list)), "append" in dir([]), dir(int)[:3], dir(1) == dir(int))
class A:
    x = 1
    def m(self): pass
class B(A):
    __slots__ = ("s",)
print(dir(A))
print(dir(A()))
print([n for n in dir(B) if not n.startswith("__")], "__weakref__" in dir(B))
print("sqrt" in dir(math), len(dir(math)) > 40)
class D:
    def __dir__(self): return ["zeta", "alpha"]
print(dir(D()))
try:
    A().mx
except AttributeError as e:
    print(e)
for v in [None, 3.0, True, range(3), b"", {}, set(), (), frozenset(), 1j, bytearray()]:
    print(type(v).__name__, len(dir(v)), dir(v) == dir(type(v)))
@dataclass
class P:
    x: int
    y: int = 0
print([n for n in dir(P(1)) if not n.startswith("__")], len(dir(P)))
print(len(dir(ValueError("x"))), len(dir(object())), dir(object) == dir(object()))
def f(): pass
print(len(dir(f)), len(dir(print)), len(dir(len)))
print(P.__dataclass_params__, P.__dataclass_params__.eq)
