# expect: 10:8: error: unsupported: the string annotation "ClassVarAlias[int]" in a decorated class (dataclasses would look up 'ClassVarAlias' in the module)
from dataclasses import dataclass
import typing

ClassVarAlias = typing.ClassVar

@dataclass
class Counter:
    count: int = 0
    n: "ClassVarAlias[int]" = 3
