# Single and multiple inheritance, C3 method resolution order, super()
# chains, class attributes, isinstance/issubclass and class reprs.
class Base:
    kind = "base"
    created = 0

    def __init__(self, name):
        self.name = name
        Base.created += 1

    def describe(self):
        return f"{self.kind}:{self.name}"

    @classmethod
    def make(cls, name):
        return cls(name)

    @staticmethod
    def helper(x):
        return x * 2

class Left(Base):
    kind = "left"

    def describe(self):
        return "L(" + super().describe() + ")"

class Right(Base):
    kind = "right"

    def describe(self):
        return "R(" + super().describe() + ")"

class Both(Left, Right):
    def describe(self):
        return "B(" + super().describe() + ")"

b = Both.make("x")
print(b.describe(), b.kind, Base.created, Both.helper(21), type(b).__name__)
print(Both.__mro__)
print([c.__name__ for c in Both.__mro__], Both.__bases__, Left.__base__)
print(isinstance(b, Left), isinstance(b, (int, Right)), issubclass(Both, Base), issubclass(Base, Both))
print(Base, Both, int, type(3), type(None), type(len), str)

class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
class E(C):
    pass
class F(D, E):
    pass
print(D().who(), F().who(), [k.__name__ for k in F.__mro__])

class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"
class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
shapes = [Square(2), Circle(1), Square(1.5)]
print(shapes, sorted(shapes, key=Shape.area), sum(s.area() for s in shapes))
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
obj = Square(3)
obj.color = "red"
print(vars(obj), hasattr(obj, "color"), getattr(obj, "size", "n/a"))
delattr(obj, "color")
print(hasattr(obj, "color"), obj.__class__.__name__, obj.__dict__)
