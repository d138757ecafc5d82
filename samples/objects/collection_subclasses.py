# Classes deriving from collections' types: an LRU cache on OrderedDict, an
# autovivifying tree on defaultdict, a Counter and a deque with methods of their own.
from collections import OrderedDict, defaultdict, Counter, deque

class LRU(OrderedDict):
    def __init__(self, capacity):
        super().__init__()
        self.capacity = capacity
    def get(self, key):
        if key not in self:
            return -1
        self.move_to_end(key)
        return self[key]
    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.capacity:
            self.popitem(last=False)

c = LRU(2)
c.put(1, 1); c.put(2, 2); print(c.get(1)); c.put(3, 3); print(c.get(2), c, list(c), c.capacity)

class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)
t = Tree()
t["a"]["b"]["c"] = 1
print(list(t), list(t["a"]), t["a"]["b"]["c"], isinstance(t, dict), type(t["a"]).__name__)

class Tally(Counter):
    def top(self):
        return self.most_common(1)[0]
w = Tally("abracadabra")
print(w.top(), w["a"], w["z"], w, sorted(w.elements())[:3], len(w))

class Window(deque):
    def __init__(self, size):
        super().__init__(maxlen=size)
    def mean(self):
        return sum(self) / len(self)
win = Window(3)
for x in [1, 2, 3, 4, 5]:
    win.append(x)
print(win, win.mean(), win.maxlen, list(win), win[0])

class Groups(defaultdict):
    def __missing__(self, key):
        self[key] = value = [key]
        return value
g = Groups(list)
print(g["x"], dict(g))
print(OrderedDict.fromkeys("abc", 0), OrderedDict.fromkeys([1, 2]))
