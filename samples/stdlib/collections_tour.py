from collections import deque, Counter, defaultdict, OrderedDict, namedtuple
d = deque([1,2,3], maxlen=5); d.appendleft(0); d.extend([4,5]); print(d, d.popleft(), d.pop(), d, len(d), d[0], list(reversed(d)))
d.rotate(1); print(d, deque())
c = Counter("abracadabra"); print(c, c.most_common(2), c["z"], sorted(c.elements())[:4], c.total())
c.update("aaz"); print(c)
dd = defaultdict(list); dd["x"].append(1); print(dd, dict(dd), isinstance(dd, dict))
od = OrderedDict(a=1, b=2); od.move_to_end("a"); print(od, od.popitem(last=False))
P = namedtuple("P", "x y"); p = P(1, y=2); print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._fields, tuple(p), p == (1, 2), isinstance(p, tuple))
x, y = p; print(x, y, P._make([3,4]))
print(repr(Counter()), repr(defaultdict(int)))
graph = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 4)]:
    graph[a].add(b)
queue = deque([1]); seen = {1}; order = []
while queue:
    n = queue.popleft(); order.append(n)
    for m in sorted(graph[n]):
        if m not in seen:
            seen.add(m); queue.append(m)
print(order, sorted(graph.items()))
words = "the cat the hat the end".split()
print(Counter(words).most_common(1), len(Counter(words)), "the" in Counter(words))
