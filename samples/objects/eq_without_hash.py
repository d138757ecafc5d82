# A class that defines __eq__ and not __hash__ gets __hash__ = None (unhashable,
# inherited by subclasses until one defines __hash__), dataclasses included.
class N:
    def __eq__(self, o):
        return True
class H(N):
    def __hash__(self):
        return 7
class Sub(N):
    pass
class Plain:
    pass
print(N.__hash__, "__hash__" in N.__dict__, Sub.__hash__, hash(H()))
for c in (N, Sub):
    try:
        hash(c())
    except TypeError as e:
        print(e)
try:
    {N()}
except TypeError as e:
    print(e)
from dataclasses import dataclass
@dataclass
class D:
    x: int
@dataclass(frozen=True)
class F:
    x: int
@dataclass(eq=False)
class E:
    x: int
print(D.__hash__, hash(F(1)) == hash(F(1)), isinstance(hash(E(1)), int), {F(1), F(1)})
class K:
    def __eq__(self, o):
        return isinstance(o, K)
    def __hash__(self):
        return 1
print(hash(K()) != 0, K() == K())
