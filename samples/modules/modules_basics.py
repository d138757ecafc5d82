# Importing a module of the program's own, beside the script: its body runs
# once, its globals are the module's attributes (read and written through
# the module), and what it defines knows which module it is in.
import geometry
import geometry as geo
from geometry import Point, area as disk_area, GeometryError

print(geometry is geo, geometry.__name__, geometry.PI_ISH)
p = Point(3, 4)
print(p, p.norm(), type(p), type(p).__module__, Point.__qualname__)
print(disk_area(1), geometry.area(2), geometry.calls, geometry.describe())
geometry.PI_ISH = 3.0
print(disk_area(1), geometry.describe())
print(disk_area.__module__, geometry.area.__name__, GeometryError.__module__)
print(repr(GeometryError("x")), isinstance(GeometryError("x"), ValueError))
try:
    geometry.area(-1)
except ValueError as e:
    print("caught", type(e).__name__, e)
try:
    geometry.missing
except AttributeError as e:
    print(e)
try:
    from geometry import nothing_here
except ImportError as e:
    print(str(e).split(" (")[0])


def reimport():
    import geometry as again
    return again is geometry


print(reimport(), hasattr(geometry, "Point"), getattr(geometry, "calls"))
geometry.added = "new attribute"
print(geometry.added, __name__)
print(object.__repr__(p).split(" at ")[0])
geometry.area(-2)
