# x.a.b read through two attribute caches at once: every case where the
# first or the second step is not a plain instance attribute must still
# behave as two separate reads.
import os


class Box:
    def __init__(self, v):
        self.v = v
        self.me = self


class Holder:
    def __init__(self, inner):
        self.inner = inner

    @property
    def prop(self):
        return Box("from a property")


class Lazy:
    def __getattr__(self, name):
        return Box(f"made for {name}")


def read(h):
    return h.inner.v


b = Box(1)
h = Holder(b)
print(read(h), b.me.v, b.me.me.v, h.prop.v, Lazy().anything.v)
b.v = 2
print(read(h))
h.inner = Box("other")
print(read(h))
del h.inner.v
try:
    read(h)
except AttributeError as e:
    print("AttributeError:", e)
h.inner.v = "back"
vars(h.inner)["v"] = "through the dict"
print(read(h))
h.inner = [1, 2]
try:
    read(h)
except AttributeError as e:
    print("AttributeError:", e)
print(os.path.basename("/a/b/c.txt"), h.inner.__class__.__name__)
for k in range(3):
    h = Holder(Box(k) if k % 2 else Holder(Box(-k)))
    try:
        print(k, read(h))
    except AttributeError as e:
        print(k, "AttributeError:", e)
