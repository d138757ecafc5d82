# expect: 9:8: error: unsupported: the string annotation "ClassVar[int]" in a decorated class (dataclasses would look up 'ClassVar' in the module)
from __future__ import annotations
from dataclasses import dataclass
from typing import ClassVar

@dataclass
class Counter:
    count: int = 0
    n: ClassVar[int] = 3
