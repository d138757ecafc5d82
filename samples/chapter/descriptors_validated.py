# Chapter 11.3: a validating descriptor (verbatim), then exercised.
class Validated:
    """Descriptor that rejects non-positive values."""
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, f"_{self.name}")
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name} must be positive, got {value}")
        setattr(obj, f"_{self.name}", value)
class Rectangle:
    width = Validated()
    height = Validated()
    def __init__(self, w: float, h: float) -> None:
        self.width = w
        self.height = h


r = Rectangle(3, 4.5)
print(r.width, r.height, r.width * r.height)
print(type(Rectangle.width).__name__, Rectangle.width.name, Rectangle.height.name)
print(sorted(vars(r).items()))
r.width = 10
print("resized:", r.width * r.height)
for bad in (0, -2.5):
    try:
        r.height = bad
    except ValueError as e:
        print("rejected:", e)
print("still", r.height)
Rectangle(2, -1)
