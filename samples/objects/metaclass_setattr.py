# A metaclass's __setattr__ runs for class attribute assignment; EnumType's
# refuses to reassign a member.
from enum import Enum
class E(Enum):
    A = 1
E.extra = "fine"
print(E.extra)
try:
    E.A = 2
except AttributeError as err:
    print("AttributeError:", err)
class Meta(type):
    def __setattr__(cls, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
class K(metaclass=Meta):
    pass
K.x = 5
print(K.x)
