from .base import Shape
from . import base as base_module

RADIUS_UNIT = "cm"


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r**2


print("circle loaded:", __name__, base_module.Shape is Shape)
