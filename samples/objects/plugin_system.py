# A plugin system using the whole object model at once: a metaclass
# registry, validating descriptors, dataclass-configured plugins, an abstract
# base, __init_subclass__ keywords, enums, properties and class decorators.
from abc import ABC, ABCMeta, abstractmethod
from dataclasses import dataclass, field
from enum import Enum, auto


class Kind(Enum):
    AUDIO = auto()
    VIDEO = auto()


class Positive:
    """Descriptor rejecting values that are not positive numbers."""

    def __set_name__(self, owner, name):
        self.public = name
        self.private = f"_{name}"

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if not isinstance(value, (int, float)) or value <= 0:
            raise ValueError(f"{self.public} must be a positive number, got {value!r}")
        setattr(obj, self.private, value)


class PluginMeta(ABCMeta):
    registry: dict = {}

    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns, **kw)
        if bases:
            mcs.registry[name] = cls
        return cls


class Plugin(metaclass=PluginMeta):
    kinds = {}

    def __init_subclass__(cls, kind=None, **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        Plugin.kinds.setdefault(kind, []).append(cls.__name__)

    rate = Positive()

    def __init__(self, rate):
        self.rate = rate

    @property
    def label(self):
        return f"{type(self).__name__}@{self.rate}"


class Processor(ABC):
    @abstractmethod
    def process(self, sample): ...


@dataclass(frozen=True)
class Config:
    gain: float = 1.0
    tags: list = field(default_factory=list)


def describe(cls):
    cls.describe = lambda self: f"{self.label} kind={self.kind.name}"
    return cls


@describe
class Echo(Plugin, Processor, kind=Kind.AUDIO):
    def __init__(self, rate, config=Config()):
        super().__init__(rate)
        self.config = config

    def process(self, sample):
        return [round(s * self.config.gain, 2) for s in sample]


@describe
class Blur(Plugin, Processor, kind=Kind.VIDEO):
    def process(self, sample):
        return sum(sample) / len(sample)


class Broken(Plugin, Processor, kind=Kind.AUDIO):
    pass


print(PluginMeta.registry)
print({k.name: v for k, v in Plugin.kinds.items()})
echo = Echo(44100, Config(gain=0.5, tags=["live"]))
print(echo.describe(), echo.process([1, 2, 3]), echo.config)
print(Blur(30).describe(), Blur(30).process([1, 2, 3, 4]))
for make in (lambda: Broken(1), lambda: Echo(-3), lambda: Echo("fast")):
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    echo.config.gain = 2.0
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Echo), isinstance(echo, Processor), type(Echo.rate).__name__, sorted(vars(echo)))
match echo:
    case Echo(kind=Kind.AUDIO, config=Config(gain=g)):
        print("audio plugin with gain", g)
echo.rate = 0
