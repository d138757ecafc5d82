# A program that reads __annotations__: each annotated def records them
# where it runs, in CPython's order (positional-or-keyword parameters
# before positional-only ones, the return last).
def scale(p: int, /, factor: float = 2.0, *, unit: str = "m") -> float:
    return p * factor


def bare(x):
    return x


print(scale.__annotations__, bare.__annotations__)
