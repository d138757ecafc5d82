# abc: ABC, ABCMeta and abstractmethod, with CPython 3.12's TypeError for
# instantiating a class that still has abstract methods.
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @abstractmethod
    def name(self): ...

    def describe(self):
        return f"{self.name()} with area {self.area()}"


class Half(Shape):
    def area(self):
        return 1.5


class Square(Half):
    def __init__(self, side=2):
        self.side = side

    def area(self):
        return self.side**2

    def name(self):
        return "square"


for cls in (Shape, Half, Square):
    try:
        print(cls().describe())
    except TypeError as e:
        print("TypeError:", e)

print(type(Shape), isinstance(Square(), Shape), sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__))
print(Square.__abstractmethods__, Shape.area.__isabstractmethod__, ABC.__mro__)


class Store(metaclass=ABCMeta):
    @property
    @abstractmethod
    def size(self): ...

    @classmethod
    @abstractmethod
    def open(cls): ...


class Memory(Store):
    @property
    def size(self):
        return 0

    @classmethod
    def open(cls):
        return cls()


print(Memory.open().size, type(Store).__name__)
Store()
