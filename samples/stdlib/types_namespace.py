"""The types module: SimpleNamespace, MethodType and the types of
functions, methods, generators, coroutines, builtins and modules."""

import types
import math
from types import SimpleNamespace

ns = SimpleNamespace(a=1, b="x")
print(ns, repr(ns), type(ns), type(ns).__name__)
ns.c = [1, 2]
del ns.a
print(ns, ns.__dict__, vars(ns), ns.b, ns.c)
try:
    ns.a
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del ns.zz
except AttributeError as e:
    print(type(e).__name__, e)
print(ns == SimpleNamespace(b="x", c=[1, 2]), ns == {"b": "x", "c": [1, 2]}, ns != SimpleNamespace())
print(SimpleNamespace(), SimpleNamespace(inner=SimpleNamespace(y=2)), SimpleNamespace(inner=SimpleNamespace(y=2)).inner.y)
try:
    SimpleNamespace({"a": 1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(ns)
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(ns, "b"), hasattr(ns, "q"), getattr(ns, "q", "default"), isinstance(ns, SimpleNamespace))
setattr(ns, "d", 4)
ns.__dict__["e"] = 5
print(ns, ns.e)
config = SimpleNamespace(**{"host": "localhost", "port": 8080})
config.port += 1
print(config.host, config.port, config)


def f():
    pass


class C:
    def m(self):
        return "m"

    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm():
        return "sm"


def gen():
    yield 1


async def co():
    pass


checks = {
    "def is FunctionType": isinstance(f, types.FunctionType),
    "lambda is LambdaType": isinstance(lambda: 0, types.LambdaType),
    "bound method is MethodType": isinstance(C().m, types.MethodType),
    "classmethod is MethodType": isinstance(C.cm, types.MethodType),
    "C.m is FunctionType": isinstance(C.m, types.FunctionType),
    "staticmethod is FunctionType": isinstance(C.sm, types.FunctionType),
    "len is BuiltinFunctionType": isinstance(len, types.BuiltinFunctionType),
    "math.sqrt is BuiltinFunctionType": isinstance(math.sqrt, types.BuiltinFunctionType),
    "[].append is BuiltinMethodType": isinstance([].append, types.BuiltinMethodType),
    "generator is GeneratorType": isinstance(gen(), types.GeneratorType),
    "generator function is GeneratorType": isinstance(gen, types.GeneratorType),
    "generator function is FunctionType": isinstance(gen, types.FunctionType),
    "module is ModuleType": isinstance(math, types.ModuleType),
    "None is NoneType": isinstance(None, types.NoneType),
    "def is BuiltinFunctionType": isinstance(f, types.BuiltinFunctionType),
    "len is FunctionType": isinstance(len, types.FunctionType),
    "def is MethodType": isinstance(f, types.MethodType),
    "class is FunctionType": isinstance(C, types.FunctionType),
    "int | str is UnionType": isinstance(int | str, types.UnionType),
    "__code__ is CodeType": isinstance(f.__code__, types.CodeType),
}
for name, ok in checks.items():
    print(name, ok)
c = co()
print("coroutine is CoroutineType", isinstance(c, types.CoroutineType), isinstance(c, types.GeneratorType))
c.close()
print(type(f) is types.FunctionType, type(C().m) is types.MethodType, type(gen()) is types.GeneratorType)
print(types.NoneType, types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.GeneratorType)
print(types.CoroutineType, types.ModuleType, types.LambdaType, types.BuiltinMethodType, types.MappingProxyType)
print(types.NoneType() is None)


def describe(self, suffix):
    return f"{self}{suffix}"


bound = types.MethodType(describe, "value")
print(bound("!"), bound.__self__, bound.__func__ is describe, bound.__name__, type(bound).__name__)
print(bound == types.MethodType(describe, "value"), bound == types.MethodType(describe, "other"))
obj = C()
obj.extra = types.MethodType(lambda self: f"extra on {type(self).__name__}", obj)
print(obj.extra())
for bad in [(5, 3), (describe,)]:
    try:
        types.MethodType(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
for name in ["no_such_thing"]:
    try:
        getattr(types, name)
    except AttributeError as e:
        print(type(e).__name__, "no", name)
for t in [types.GeneratorType, types.BuiltinFunctionType]:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
