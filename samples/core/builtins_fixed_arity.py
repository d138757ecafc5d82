# Builtins called with exactly their positional arguments (len, repr, abs,
# hash, isinstance) take a direct path: results and errors must match the
# general call's.
class Sized:
    def __len__(self):
        return 3

    def __repr__(self):
        return "Sized()"


class BadLen:
    def __len__(self):
        return -1


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "anything"


class Any(metaclass=Meta):
    pass


xs = [1, [2, 3], "four"]
print(len(xs), len("héllo"), len({1: 2}), len(Sized()), len(range(0, 10, 3)))
print(repr(xs), repr(Sized()), repr("it's"), repr(1.5e300))
print(abs(-3), abs(-2.5), abs(True), abs(-(2**70)))
print(hash(7) == hash(7.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(isinstance(True, int), isinstance(3, (str, (float, int))), isinstance("anything", Any), isinstance(1, Any))
recursive = [1]
recursive.append(recursive)
print(repr(recursive), len(recursive))

for bad in [lambda: len(5), lambda: len(BadLen()), lambda: abs("x"), lambda: hash([]),
            lambda: isinstance(1, 5), lambda: isinstance(1, (int, 5))]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
len(xs, 1)
