"""Under `from __future__ import annotations` a def's __annotations__
holds the annotations' text (PEP 563), never evaluated."""

from __future__ import annotations

import typing


def parse(text: str, *, base: int = 10, strict: "bool" = False) -> dict[str, list[int]] | None:
    return None


def forward(node: Node, nodes: list[Node] | tuple[Node, ...]) -> Node:
    return node


class Node:
    def link(self, other: Node | None = None) -> typing.Optional[Node]:
        return other


print(parse.__annotations__)
print(forward.__annotations__)
print(Node.link.__annotations__)
print(parse.__kwdefaults__, Node.link.__defaults__)
