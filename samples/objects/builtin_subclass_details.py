# Details of built-in subclasses: a method descriptor as a class attribute, fromkeys
# on a dict subclass, copying a dict subclass as stored, overridden item access
# and iteration; zip(strict=True) on equal lengths.
class Stack(list):
    push = list.append
s = Stack()
s.push(1)
print(s)
class D(dict):
    pass
d = D.fromkeys("ab", 0)
print(d, type(d).__name__)
class Upper(dict):
    def __getitem__(self, k):
        return super().__getitem__(k).upper()
d = Upper(a="x")
print(d["a"], dict(d), {**d}, d.get("a"), list(d.values()))
class L(list):
    def __getitem__(self, i):
        return super().__getitem__(i) * 10
l = L([1, 2])
print(l[0], list(l), [x for x in l], sorted(l), sum(l), tuple(l), max(l))
class S(str):
    def __iter__(self):
        return iter(self.upper())
print(list(S("ab")), "".join(S("ab")), [c for c in S("ab")], set(S("a")))
class T(tuple):
    def __len__(self): return 99
print(len(T((1,))), list(T((1, 2))), T((1,)) == (1,))
for a, b in zip("xy", "pq", strict=True):
    print(a, b)
try:
    list(zip("ab", "c", strict=True))
except ValueError as e:
    print("ValueError:", e)
