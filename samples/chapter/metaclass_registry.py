# Chapter 11.4: a registering metaclass (verbatim), then inspected.
class RegistryMeta(type):
    _registry: dict = {}
    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        if bases: # skip the base class itself
            mcs._registry[name] = cls
        return cls
class Plugin(metaclass=RegistryMeta):
    pass
class AudioPlugin(Plugin): pass
class VideoPlugin(Plugin): pass
print(RegistryMeta._registry)
# {'AudioPlugin': <class '...'>, 'VideoPlugin': <class '...'>}

print(type(Plugin), type(AudioPlugin) is RegistryMeta)
print(isinstance(VideoPlugin, RegistryMeta), issubclass(VideoPlugin, Plugin))
print(list(RegistryMeta._registry), Plugin.__name__ in RegistryMeta._registry)


class SubtitlePlugin(VideoPlugin):
    kind = "text"


print(len(RegistryMeta._registry), RegistryMeta._registry["SubtitlePlugin"].kind)
print(SubtitlePlugin.__mro__)
