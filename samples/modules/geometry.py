# A module of the program: imported by modules_basics.py, and a program of
# its own when run directly (its `__main__` block runs only then).
import math

PI_ISH = 3.14
calls = 0


class GeometryError(ValueError):
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def norm(self):
        return math.hypot(self.x, self.y)


def area(r):
    global calls
    calls += 1
    if r < 0:
        raise GeometryError(f"negative radius {r}")
    return round(PI_ISH * r * r, 2)


def describe():
    return f"{__name__}: {calls} call(s), PI_ISH={PI_ISH}"


print("geometry body runs as", __name__)

if __name__ == "__main__":
    print(area(2), describe())
