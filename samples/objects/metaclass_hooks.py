# Metaclass machinery: __prepare__, __new__/__init__/__call__ on the
# metaclass, a metaclass without __new__, a singleton, type() with three
# arguments, conflicts, and the class-creation order CPython follows.
log = []


class Tracing(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        log.append(f"prepare {name} {sorted(kw)}")
        return {"injected": "from __prepare__"}

    def __new__(mcs, name, bases, ns, **kw):
        log.append(f"new {name} {[k for k in ns if not k.startswith('__')]}")
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        log.append(f"init {name} {kw}")
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        log.append(f"call {cls.__name__}{args}")
        return super().__call__(*args, **kwargs)


class Base(metaclass=Tracing):
    def __init_subclass__(cls, kind="plain", **kw):
        super().__init_subclass__(**kw)
        log.append(f"init_subclass {cls.__name__} kind={kind}")
        cls.kind = kind


class Audio(Base, kind="audio"):
    rate = 44100

    def __init__(self, gain):
        self.gain = gain


a = Audio(3)
print("\n".join(log))
print(Audio.injected, Audio.kind, a.gain, type(Audio).__name__, isinstance(Audio, Tracing))
print([c.__name__ for c in Audio.mro()], Audio.__mro__ == tuple(Audio.mro()))


class Singleton(type):
    _instances = {}

    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        print("Config built once")


print(Config() is Config(), len(Singleton._instances))


class Plain(type):
    pass


class UsesPlain(metaclass=Plain):
    x = 1


print(type(UsesPlain), UsesPlain.x)
Dyn = type("Dyn", (UsesPlain,), {"y": 2, "total": lambda self: self.x + self.y})
print(Dyn, type(Dyn), Dyn().total(), Dyn.__bases__, Dyn.__name__, Dyn.__qualname__)


class M1(type):
    pass


class M2(type):
    pass


class A1(metaclass=M1):
    pass


class A2(metaclass=M2):
    pass


try:

    class Both(A1, A2):
        pass

except TypeError as e:
    print("TypeError:", e)


class X:
    pass


class Y(X):
    pass


try:

    class Bad(X, Y):
        pass

except TypeError as e:
    print("TypeError:", e)
from collections import OrderedDict
class M(type):
    @classmethod
    def __prepare__(mcs, name, bases): return OrderedDict(seed=1)
class A(metaclass=M):
    x = 2
print(A.seed, A.x)
class Bad(type):
    @classmethod
    def __prepare__(mcs, name, bases): return 5
try:
    class B(metaclass=Bad): pass
except TypeError as e: print(e)
