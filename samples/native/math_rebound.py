# `math` rebound by a for loop (not an assignment) after the functions that
# use it are defined: the native tier must not assume the module, because
# Python looks the name up when the function runs.
import math


def root(x: float) -> float:
    return math.sqrt(x)


print(root(2.0))


class Fake:
    @staticmethod
    def sqrt(x):
        return -x


for math in [Fake]:
    pass
print(root(2.0))
