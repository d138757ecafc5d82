"""A script's docstring is its __doc__; exit() and quit() end it as
sys.exit() does."""
import sys

print(__doc__.splitlines()[0])


def summary():
    return __doc__.split()[1]


print(summary(), type(exit).__name__ != "", len(sys.argv) > 0)
try:
    quit("not yet")
except SystemExit as e:
    print("SystemExit:", e.code)
exit(3)
