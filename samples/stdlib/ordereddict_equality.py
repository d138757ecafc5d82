# OrderedDict equality: two OrderedDicts compare their order, against a dict
# only the items; a dict, tuple or list on the left asks the object on the right.
from collections import OrderedDict
a, b = OrderedDict(a=1, b=2), OrderedDict(b=2, a=1)
print(a == b, a == dict(b), dict(a) == b, a != b, a == OrderedDict(a=1, b=2), a == OrderedDict(a=1, b=3))
b.move_to_end("b")
print(a == b)
from collections import namedtuple, deque, Counter, defaultdict
P = namedtuple("P", "x y")
print((1, 2) == P(1, 2), P(1, 2) == (1, 2), [1] == deque([1]), {"a": 1} == Counter(a=1), {"a": 1} == defaultdict(int, a=1), {} != OrderedDict())
