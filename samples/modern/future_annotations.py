# `from __future__ import annotations` (PEP 563): class-body annotations are
# stored as the text CPython unparses, never evaluated, so forward references
# and undefined names are fine, and dataclasses see strings.
from __future__ import annotations
from dataclasses import dataclass, fields
from typing import Optional


@dataclass
class Node:
    value: int
    next: Node | None = None
    label: Optional[str] = "n"

    def total(self) -> int:
        n, acc = self, 0
        while n is not None:
            acc += n.value
            n = n.next
        return acc


class Plain:
    size: dict[str, list[int]]
    ref: "Node"
    later: Undefined


chain = Node(1, Node(2, Node(3)))
print(chain.total(), chain)
print([(f.name, f.type) for f in fields(Node)])
print(Node.__annotations__, Plain.__annotations__)
