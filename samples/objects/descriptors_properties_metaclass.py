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
print(type(Rectangle.width).__name__, Rectangle.width.name, vars(r))
r.width = 10
print(r.width)
try:
    r.height = -2
except ValueError as e:
    print("rejected:", e)

class RegistryMeta(type):
    _registry: dict = {}
    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        if bases: # skip the base class itself
            mcs._registry[name] = cls
        return cls

class Plugin(metaclass=RegistryMeta):
    pass
class AudioPlugin(Plugin): pass
class VideoPlugin(Plugin): pass
print(RegistryMeta._registry)
print(type(Plugin), isinstance(AudioPlugin, RegistryMeta))

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print(e)
Rectangle(0, 1)
