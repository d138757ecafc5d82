# `obj[key] op= value`: dicts with str, int and bool keys, lists with
# negative indices, strs, a key whose __hash__ and __eq__ print, missing
# keys, bad indices and an immutable tuple (CPython reads the item first).
d = {"a": 1, 2: 5, True: 7}
d["a"] += 1
d[2] *= 3
d[1] -= 2
d["a"] += 2**62
d["a"] += 2**62
print(d)
xs = [1, 2, 3]
xs[-1] += 10
xs[0] += 1.5
n = 4
xs[1] <<= n
print(xs)
s = {"k": "x"}
s["k"] += "y"
print(s)
class K:
    def __hash__(self): print("hash"); return 1
    def __eq__(self, o): print("eq"); return self is o
k = K()
e = {k: 1}
e[k] += 1
print(e[k])
def f():
    c = {}
    for w in "a b a c a".split():
        try:
            c[w] += 1
        except KeyError as ex:
            print("missing", ex)
            c[w] = 1
    return c
print(f())
try:
    xs[7] += 1
except IndexError as ex:
    print(ex)
try:
    xs["a"] += 1
except TypeError as ex:
    print(ex)
t = (1, 2)
try:
    t[0] += 1
except TypeError as ex:
    print(ex)


def noisy():
    print("value evaluated")
    return 1


try:
    d["missing"] += noisy()
except KeyError as ex:
    print("KeyError", ex)
d["a"] += noisy()
print(d["a"])
