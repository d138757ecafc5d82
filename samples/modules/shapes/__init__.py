# A package of the program's: its modules import each other relatively.
from .base import Shape
from . import circle

registry = {}


def register(cls):
    registry[cls.__name__] = cls
    return cls


print("shapes package loaded:", __name__, __package__)
