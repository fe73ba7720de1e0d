"""Reading YAML safely, fast when a pack is clean and precisely when it is not.

Two readers. `load_yaml` is the careful one: PyYAML's C safe loader with a constructor that records
the line and column of every mapping key, value and sequence item, so validation errors name
FILE:LINE:COL without a second parse; only the standard YAML tags construct, others are refused.
`load_yaml_quickly` is yaml-rs (Rust, about ten times faster, no positions). It is tried first when
the bank loads, and only for text where both readers are known to agree; anything it refuses, and
any pack that then fails validation, is read again by the careful reader, which alone reports errors.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

import yaml

from interview.bank.positions import Position, Positions

try:  # a platform without a yaml-rs wheel still works: every pack takes the careful reader
    import yaml_rs
except ImportError:  # pragma: no cover - depends on the platform
    yaml_rs = None  # type: ignore[assignment]  # the module or nothing: plain_scalar checks

try:  # the C loader is ~10x faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# Bounds that keep hostile files cheap: a pack is hand-written text, not a data dump.
MAX_PACK_BYTES = 64 * 1024 * 1024
MAX_NODES = 5_000_000
MAX_DEPTH = 64


class YamlProblem(Exception):
    """The file cannot be read as a pack at all (syntax, tag, size, encoding)."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


_PLAIN = "tag:interview,2026:plain"
_STR = "tag:yaml.org,2002:str"
# An unquoted scalar can mean something other than text only if it starts like a number, a date,
# null, true or false; everything else is text without asking.
_MAYBE_NOT_TEXT = frozenset("0123456789+-._~tTfFnN")  # found by trying every printable first character


@lru_cache(maxsize=8192)
def plain_scalar(value: str) -> Any:
    """What an unquoted scalar means, the same for both readers: as yaml-rs reads it (YAML 1.2, so
    `yes`, `no`, `on` and `off` are text, `017` is 17 and `1e-3` a number). Dates stay text: yaml-rs
    would read even a quoted "2024-01-01" as a date, which the careful reader never does."""
    try:
        parsed: Any = yaml_rs.loads(f"a: {value}", parse_datetime=False)
        return parsed["a"]
    except Exception:  # noqa: BLE001 - yaml-rs cannot read it alone: it is text
        return value


class _PackLoader(_BaseLoader):
    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.positions = Positions()
        self.node_count = 0

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        # plain, unquoted; without yaml-rs there is one reader, and PyYAML's own rules decide
        if kind is yaml.ScalarNode and implicit[0] and yaml_rs is not None:
            return _PLAIN if not value or value[0] in _MAYBE_NOT_TEXT else _STR
        return super().resolve(kind, value, implicit)


def _count(loader: _PackLoader, node: yaml.Node) -> None:
    # Aliases construct shared objects, but our validators walk what they see; a cap on the
    # constructed node count keeps a "billion laughs" document from costing more than a refusal.
    loader.node_count += 1
    if loader.node_count > MAX_NODES:
        raise YamlProblem("document too large or too deeply aliased", *_pos(node.start_mark))


def _construct_map(loader: _PackLoader, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
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


def _construct_seq(loader: _PackLoader, node: yaml.SequenceNode) -> Iterator[list[Any]]:
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


_PackLoader.add_constructor(_PLAIN, lambda loader, node: plain_scalar(node.value))
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


# yaml-rs limits flow nesting itself, and indentation cannot nest deeper than about 11,000 levels in
# 64 MB (which it reads), but compact block nesting ("- - - - x") can reach millions of levels on one
# line and crashes it: any compact nesting at all is left to the careful reader.
_COMPACT_NESTING = ("- - ", "- ? ", "? - ", "? ? ", "-\t-", "?\t?")
_DEEP_INDENT = "\n" + " " * 1024
# Tags and anchors: yaml-rs ignores tags it does not know and allows anchor names PyYAML refuses, so
# documents with them are read carefully (an alias needs an anchor, so aliases need no check of their
# own). Both can only open a node: at a line's start, or after an indicator ("key: !x", "- &x", "[&x").
_NODE_PROPERTY = re.compile(r"(?:^[ \t]*|[:?-][ \t]+|[\[{,][ \t]*)[!&]", re.M)
# Inside [...] and {...}, libyaml ends or refuses plain scalars at '?' and at some ':', where YAML 1.2
# (yaml-rs) reads on. The validator notes list items holding either; only then is this searched.
FLOW_WITH_INDICATOR = re.compile(r"[\[{][^\[\]{}]*[?:][^\[\]{}]*[\]}]")


def load_yaml_quickly(raw: bytes) -> tuple[Any, str] | None:
    """The document as yaml-rs reads it and its text, or None when the careful reader must read it.

    Plain scalars mean the same to both readers (plain_scalar), so a document that yaml-rs reads, that
    validates and that the validator has no doubt about is exactly what the careful reader returns."""
    if yaml_rs is None or len(raw) > MAX_PACK_BYTES or b"\x00" in raw[:8192]:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if ("!" in text or "&" in text) and _NODE_PROPERTY.search(text):
        return None
    if _DEEP_INDENT in text or any(marks in text for marks in _COMPACT_NESTING):
        return None
    try:
        return yaml_rs.loads(text, parse_datetime=False), text
    except Exception:  # noqa: BLE001 - any refusal: the careful reader reads it and explains the problem
        return None
