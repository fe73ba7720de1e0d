"""Where each value of a pack was written: what turns a validation error into FILE:LINE:COL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Position = tuple[int, int]  # 1-based line and column


@dataclass
class Positions:
    """Where each container, key, value and item of a loaded document was written."""

    containers: dict[int, Position] = field(default_factory=dict)
    keys: dict[int, dict[Any, Position]] = field(default_factory=dict)
    values: dict[int, dict[Any, Position]] = field(default_factory=dict)
    items: dict[int, list[Position]] = field(default_factory=dict)
    duplicate_keys: list[tuple[Any, Position, Position]] = field(default_factory=list)
    refused_tags: list[tuple[str, Position]] = field(default_factory=list)
    unknown: Position = (1, 1)  # where to point when nothing was recorded; (0, 0) after a quick read

    def of(self, container: Any) -> Position:
        return self.containers.get(id(container), self.unknown)

    def of_key(self, mapping: Any, key: Any) -> Position:
        return self.keys.get(id(mapping), {}).get(key, self.of(mapping))

    def of_value(self, mapping: Any, key: Any) -> Position:
        return self.values.get(id(mapping), {}).get(key, self.of_key(mapping, key))

    def of_item(self, sequence: Any, index: int) -> Position:
        items = self.items.get(id(sequence))
        if items and index < len(items):
            return items[index]
        return self.of(sequence)
