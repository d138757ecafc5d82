class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def classify(obj):
    match obj:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y-axis at {y}"
        case Point(x=x, y=0):
            return f"on x-axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"on diagonal at {x}"
        case Point():
            return "other point"
        case {"action": action, "data": data}:
            return f"dict: {action}"
        case [first, *rest]:
            return f"list starting with {first}"
        case _:
            return "unknown"

for o in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 9), {"action": "go", "data": 1, "x": 2}, [1, 2, 3], "str", 42]:
    print(classify(o))

def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case str(s):
            return f"string {s!r}"
        case (a, b):
            return f"pair {a} {b}"
        case [a, [b, *c], *d]:
            return f"nested {a} {b} {c} {d}"
        case {"k": {"inner": x}, **others}:
            return f"mapping {x} {others}"
        case Point(1, y):
            return f"point x1 y{y}"
        case _:
            return "other"

for v in [None, True, -3, 7, 2.5, "hi", (1, 2), [1, [2, 3, 4], 5, 6], {"k": {"inner": 9}, "z": 1}, Point(1, 8), Point(2, 2), [1]]:
    print(describe(v))

for i in range(5):
    match i:
        case 1 | 3:
            continue
        case 4:
            break
    print("i", i)
