# Chapter 11.5: structural pattern matching on a dataclass, dicts and lists
# (verbatim), then exercised.
from dataclasses import dataclass
@dataclass
class Point:
    x: float
    y: float
def classify(obj):
    match obj:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y-axis at {y}"
        case Point(x=x, y=0):
            return f"on x-axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"on diagonal at {x}"
        case Point():
            return "other point"
        case {"action": action, "data": data}:
            return f"dict: {action}"
        case [first, *rest]:
            return f"list starting with {first}"
        case _:
            return "unknown"


samples = [
    Point(0, 0),
    Point(0, 2.5),
    Point(-3, 0),
    Point(1.5, 1.5),
    Point(1, 2),
    {"action": "move", "data": [1, 2]},
    {"action": "stop"},
    [10, 20, 30],
    ["only"],
    [],
    "text",
    42,
]
for s in samples:
    print(f"{s!r:>36} -> {classify(s)}")
print(Point(1, 2), Point(1, 2) == Point(1.0, 2.0), Point.__match_args__)
