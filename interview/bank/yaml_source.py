"""Reading YAML safely while remembering where every value came from.

PyYAML's C safe loader parses; our constructor records the line and column of every mapping key,
value and sequence item, so validation errors can name FILE:LINE:COL without a second parse.
Only the standard YAML tags construct: `!!python/...` and other tags are refused, never run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C loader is ~10x faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# Bounds that keep hostile files cheap: a pack is hand-written text, not a data dump.
MAX_PACK_BYTES = 64 * 1024 * 1024
MAX_NODES = 5_000_000
MAX_DEPTH = 64

Position = tuple[int, int]  # 1-based line and column


class YamlProblem(Exception):
    """The file cannot be read as a pack at all (syntax, tag, size, encoding)."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Positions:
    """Where each container, key, value and item of a loaded document was written."""

    containers: dict[int, Position] = field(default_factory=dict)
    keys: dict[int, dict[Any, Position]] = field(default_factory=dict)
    values: dict[int, dict[Any, Position]] = field(default_factory=dict)
    items: dict[int, list[Position]] = field(default_factory=dict)
    duplicate_keys: list[tuple[Any, Position, Position]] = field(default_factory=list)
    refused_tags: list[tuple[str, Position]] = field(default_factory=list)

    def of(self, container: Any) -> Position:
        return self.containers.get(id(container), (1, 1))

    def of_key(self, mapping: Any, key: Any) -> Position:
        return self.keys.get(id(mapping), {}).get(key, self.of(mapping))

    def of_value(self, mapping: Any, key: Any) -> Position:
        return self.values.get(id(mapping), {}).get(key, self.of_key(mapping, key))

    def of_item(self, sequence: Any, index: int) -> Position:
        items = self.items.get(id(sequence))
        if items and index < len(items):
            return items[index]
        return self.of(sequence)


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


class _PackLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.positions = Positions()
        self.node_count = 0


def _count(loader: _PackLoader, node: yaml.Node) -> None:
    # Aliases construct shared objects, but our validators walk what they see; a cap on the
    # constructed node count keeps a "billion laughs" document from costing more than a refusal.
    loader.node_count += 1
    if loader.node_count > MAX_NODES:
        raise YamlProblem("document too large or too deeply aliased", *_pos(node.start_mark))


def _construct_map(loader: _PackLoader, node: yaml.MappingNode):  # type: ignore[no-untyped-def]
    data: dict[Any, Any] = {}
    yield data
    _count(loader, node)
    loader.flatten_mapping(node)
    keys: dict[Any, Position] = {}
    values: dict[Any, Position] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=False)
        try:
            hash(key)
        except TypeError:
            raise YamlProblem("a mapping key must be plain text", *_pos(key_node.start_mark)) from None
        if key in data:
            loader.positions.duplicate_keys.append((key, _pos(key_node.start_mark), keys[key]))
        data[key] = loader.construct_object(value_node, deep=False)
        keys[key] = _pos(key_node.start_mark)
        values[key] = _pos(value_node.start_mark)
    loader.positions.containers[id(data)] = _pos(node.start_mark)
    loader.positions.keys[id(data)] = keys
    loader.positions.values[id(data)] = values


def _construct_seq(loader: _PackLoader, node: yaml.SequenceNode):  # type: ignore[no-untyped-def]
    data: list[Any] = []
    yield data
    _count(loader, node)
    data.extend(loader.construct_object(child, deep=False) for child in node.value)
    loader.positions.containers[id(data)] = _pos(node.start_mark)
    loader.positions.items[id(data)] = [_pos(child.start_mark) for child in node.value]


def _refuse_tag(loader: _PackLoader, tag_suffix: str, node: yaml.Node) -> None:
    # Never constructed, only recorded: validation goes on so every other error is reported too.
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    loader.positions.refused_tags.append((tag, _pos(node.start_mark)))
    return None


_PackLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_PackLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_PackLoader.add_constructor("tag:yaml.org,2002:omap", _construct_seq)
_PackLoader.add_multi_constructor("", _refuse_tag)
_PackLoader.add_multi_constructor("!", _refuse_tag)
_PackLoader.add_multi_constructor("tag:yaml.org,2002:python/", _refuse_tag)


# A run of 64 openers ("[[[[...", "{{{...", "- - - ...") is the only cheap way to nest that deep;
# refusing it up front keeps the parser from recursing into hostile input.
_DEEP_NESTING = re.compile(r"(?:[\[{]\s*|-[ \t]+){%d}" % MAX_DEPTH)


def load_yaml(raw: bytes) -> tuple[Any, Positions]:
    """Parse one YAML document; raise YamlProblem with a position for anything unreadable."""
    if len(raw) > MAX_PACK_BYTES:
        raise YamlProblem(f"file is larger than {MAX_PACK_BYTES // (1024 * 1024)} MB; split the pack")
    if b"\x00" in raw[:8192]:
        raise YamlProblem("this is a binary file, not a YAML pack")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlProblem(f"file is not UTF-8 text (bad byte at offset {error.start})") from None
    if _DEEP_NESTING.search(text):
        raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels")
    loader = _PackLoader(text)
    try:
        data = loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _pos(mark) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        if error.context_mark and mark and error.context_mark.line != mark.line:
            what += f" (started at line {error.context_mark.line + 1})"
        raise YamlProblem(f"YAML syntax error: {what}", line, column) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"YAML error: {error}") from None
    except RecursionError:
        raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    return data, loader.positions
