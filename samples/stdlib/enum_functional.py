# Enum's functional API: names as a string, a list, pairs or a mapping, with
# start=, for Enum, IntEnum and Flag.
from enum import Enum, IntEnum, Flag
E = Enum('E', 'A B C'); print(list(E), E.A.value, repr(E.B), E(2), E["C"])
F = Enum('F', 'X, Y', start=10); print(list(F))
G = Enum('G', [('P', 5), ('Q', 6)]); print(list(G), G(6))
H = IntEnum('H', {'U': 1, 'V': 2}); print(list(H), H.U + 1, isinstance(H.V, int))
I = Enum('I', ['M', 'N']); print(list(I), I.__name__, I.__module__, len(I))
P = Flag('P', 'R W X'); print(list(P), P.R | P.W)
Color = Enum("Color", "RED GREEN")
match Color.RED:
    case Color.RED:
        print("red!")
