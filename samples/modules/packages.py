# A package of the program's own: `import pkg.mod` binds the package and
# makes the module its attribute; `from pkg import mod` imports a module
# the package has no attribute for; relative imports inside the package.
import shapes
import shapes.square
from shapes import circle, registry
from shapes.circle import Circle as C
from shapes.square import Square

print(shapes.circle is circle, shapes.square.Square is Square)
print(C(2), Square(3), registry)
print(shapes.Shape.sides, Square.sides, circle.RADIUS_UNIT)
print(sorted(k for k in vars(shapes) if not k.startswith("__")))
try:
    shapes.Shape().area()
except NotImplementedError as e:
    print("NotImplementedError", e)
