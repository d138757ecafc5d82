# An uncaught AttributeError ends with the closest name in dir() of the
# object: instance attributes, the class's, the built-in type's, a
# module's.
import math


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return math.hypot(self.x, self.y)


p = Point(3, 4)
print(p.norm())
for obj, attr in [(p, "nrm"), ("text", "uper"), (math, "sqr"), ([1], "apend")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print("caught:", e)
print(p.norme())
