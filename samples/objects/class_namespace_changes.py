# Class namespaces changing after use: attribute lookups (cached per class)
# must see every later change to the class or to any base.
class Base:
    greeting = "hello"

    def speak(self):
        return f"{self.greeting} from Base"


class Child(Base):
    pass


c = Child()
print(c.speak(), Child.greeting)
Base.greeting = "hi"
print(c.speak(), Child.greeting)
Child.greeting = "yo"
print(c.speak(), Base().speak())
del Child.greeting
print(c.speak())
Base.speak = lambda self: f"patched {self.greeting}"
print(c.speak(), hasattr(c, "extra"))
Base.extra = property(lambda self: "computed")
print(c.extra, hasattr(c, "extra"))


def setattr_hook(self, name, value):
    print("intercepted", name, value)
    object.__setattr__(self, name, value)


c.a = 1
Child.__setattr__ = setattr_hook
c.b = 2
del Child.__setattr__
c.c = 3
print(sorted(vars(c)))


class Counter:
    made = 0

    def __init__(self):
        Counter.made += 1
        self.n = Counter.made


objs = [Counter() for _ in range(5)]
print([o.n for o in objs], Counter.made)
for i in range(3):
    setattr(Base, f"dyn{i}", i * 10)
print([getattr(c, f"dyn{i}") for i in range(3)])
