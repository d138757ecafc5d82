class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Resource("a") as r:
    print("body", r.name)

with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after b")

def f():
    with Resource("c") as c, Resource("d") as d:
        return c.name + d.name
print(f())

for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("in loop", i)

try:
    with Resource("e"):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)

try:
    with 42:
        pass
except TypeError as e:
    print(e)
