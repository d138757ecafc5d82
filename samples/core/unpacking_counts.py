# Unpacking assignment: tuples, lists, strs, iterators read one past the
# target count (so an endless one raises), and the error messages.
import itertools
a, b = 1, 2
print(a, b)
[c, d] = [3, 4]
print(c, d)
(e, f), g = (5, 6), 7
print(e, f, g)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
x, y = "hi"
print(x, y)
def gen():
    print("start")
    yield 1
    print("mid")
    yield 2
    print("never")
    yield 3
    yield 4
try:
    p, q = gen()
except ValueError as ex:
    print(ex)
try:
    p, q = itertools.count()
except ValueError as ex:
    print(ex)
try:
    p, q, r = [1, 2]
except ValueError as ex:
    print(ex)
try:
    p, q = (1, 2, 3)
except ValueError as ex:
    print(ex)
try:
    p, q = 5
except TypeError as ex:
    print(ex)
h, *rest = range(5)
print(h, rest)
obj = type("O", (), {})()
obj.a, obj.b = 8, 9
print(obj.a, obj.b)
lst = [0, 0]
lst[0], lst[1] = lst[1] + 1, lst[0] + 2
print(lst)
p, q = 1,
