# Set displays of constants: CPython folds them into a frozenset constant
# (made twice as the compiler merges constants), which decides the order a
# set prints and iterates in. Int, float, tuple and None hashes are fixed,
# so the order is the same on every run.
print({11, 3, 19}, {11, 3}, {11, 3, 19, 27})
print({(1, 2), 5.5, None, -4, 8, 16}, {1 + 1, 10, 18})
for x in {11, 3}:
    print(x, end=" ")
print()
for y in {1, 9, 17, 25, 33, 41}:
    print(y, end=" ")
print()
print([x for x in {11, 3, 19}], {v * 2 for v in {11, 3, 19, 27}})
print(list({11, 3, 19}), tuple({11, 3, 19}), {11, 3, 19} | {27})
print(sorted({5, 1, 3}), 3 in {1, 2, 3}, frozenset({11, 3, 19}))


def gen():
    for x in {11, 3}:
        yield x
    yield from {11, 3, 19}


print(list(gen()))
k = 3
print({11, k, 19}, [v for v in {11, k, 19}])
# Adding to a set while iterating over it is an error.
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    for v in s:
        s.discard(v)
except RuntimeError as e:
    print(type(e).__name__, e)
# A change that keeps the size goes on over the live table, as CPython's.
s = {1, 2, 3, 4}
seen = []
for v in s:
    if v == 1:
        s.discard(4)
        s.add(40)
    seen.append(v)
print(seen, s)
it = iter({5, 6})
print(next(it), type(it).__name__)
