from math import sqrt
_private = 1
def root(x): return sqrt(x)
if False:
    never = 1
def setter():
    global late
    late = "late"
