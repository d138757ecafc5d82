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
        case Point(x, y) if x == y:
            return f"on diagonal at {x}"
        case _:
            return "other"
