# collections.deque: insert, index with bounds, remove, rotate.
from collections import deque


def show(label, f):
    try:
        print(label, repr(f()), d)
    except Exception as e:
        print(label, type(e).__name__, e)


d = deque([1, 2, 3, 2])
show("index", lambda: d.index(2))
show("index start", lambda: d.index(2, 2))
show("index negative", lambda: d.index(2, -1))
show("index missing", lambda: d.index(9))
show("index stop", lambda: d.index(2, 0, 1))
show("index big", lambda: d.index(1, -100, 100))
show("index none", lambda: d.index())
show("index four", lambda: d.index(1, 2, 3, 4))
show("remove missing", lambda: d.remove(9))
show("remove", lambda: d.remove(2))
show("insert", lambda: d.insert(-1, 7))
show("insert far", lambda: d.insert(100, 8))
show("insert front", lambda: d.insert(-100, 0))
show("rotate", lambda: d.rotate(-2))
show("rotate 1", lambda: d.rotate())
show("rotate big", lambda: d.rotate(13))
full = deque([1], maxlen=1)
try:
    full.insert(0, 5)
except IndexError as e:
    print("IndexError", e)
roomy = deque([1], maxlen=2)
roomy.insert(0, 5)
print(roomy)
