# `from m import *` of the program's own modules: m's `__all__` when it has
# one, else every name it binds that does not start with `_` (and its
# package's modules already imported), skipping names unbound at the time.
from starpkg import *

print(area(1), Shape, root(16), VERSION, sqrt(4))


def bound(name):
    try:
        eval_table[name]()
        return True
    except NameError:
        return False


eval_table = {
    "hidden": lambda: hidden,
    "never": lambda: never,
    "late": lambda: late,
    "_private": lambda: _private,
    "core": lambda: core,
    "extra": lambda: extra,
    "helpers": lambda: helpers,
    "math": lambda: math,
    "_h": lambda: _h,
}
print([name for name in eval_table if bound(name)])
setter()
import starpkg.extra

print(starpkg.extra.late, bound("late"))
from starpkg.extra import *

print(bound("late"), late, core.__name__)
