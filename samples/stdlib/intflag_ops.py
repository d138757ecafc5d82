# IntFlag members combine into members of their class (ints too), keep
# unknown bits, and complement within the members' bits; len() counts flags.
from enum import IntFlag, Flag, auto
class P(IntFlag):
    R = 4
    W = 2
    X = 1
for v in [P.R | P.W, P.R & 6, ~P.R, P.R | 8, 8 | P.R, P(8), P(0), ~P(0), P.R ^ P.X, P.R | P.W | P.X, P(7) & ~P.W, 3 & P.R, P.R + 1, -P.R]:
    print(repr(v), str(v), type(v).__name__, f"{v}")
print(P.R in P(6), list(P(6)), len(P(7)), bool(P(0)), P(6).name, P(8).name, P.R.name, P(6).value)
