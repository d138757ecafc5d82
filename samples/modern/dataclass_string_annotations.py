# String annotations (here all of them, through PEP 563) that dataclasses reads
# as ClassVar, InitVar and KW_ONLY: CPython looks each type's name up in the
# module, and py2rs resolves it from the module's imports.
from __future__ import annotations
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY
from typing import ClassVar as CV, Optional


@dataclass
class Counter:
    count: int = 0
    limit: CV[int] = 3
    seed: InitVar[int] = 0
    _: KW_ONLY
    step: int = 1
    label: Optional[str] = None

    def __post_init__(self, seed):
        self.count += seed


c = Counter(5, 2, step=3)
print(c, Counter.limit, [(f.name, f.type) for f in fields(Counter)])
print(Counter.__annotations__)
try:
    Counter(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
