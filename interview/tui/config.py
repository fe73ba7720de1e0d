"""config.toml: the user's keymap, read with every mistake reported by its line, never fatal.

    [keymap]
    question.submit = "f5"       # binding id = key (ids are listed on the help screen, F1)

A file that is not TOML, a table or key we do not know, or a binding id no screen has gives a
message with `config.toml:LINE:`; the app starts with the default keys for whatever was wrong.
Binding ids are checked after the first frame (that needs every screen's bindings imported).
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path

KNOWN_TABLES = ("keymap",)
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\-\"' ]+?)\s*=")


@dataclass
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # "config.toml:3: ...", for the user
    lines: dict[str, int] = field(default_factory=dict)  # dotted key -> line, for later checks
    name: str = "config.toml"


def _dotted(raw: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in raw.split("."))


def key_lines(text: str) -> dict[str, int]:
    """The line of every `key = value` and `[table]`, by full dotted name (simple TOML, as people write it)."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _TABLE.match(line):
            table = _dotted(match.group(1))
            lines.setdefault(table, number)
        elif match := _KEY.match(line):
            lines.setdefault(f"{table}.{_dotted(match.group(1))}".lstrip("."), number)
    return lines


def read_config(path: Path) -> Config:
    """The keymap of config.toml, with what was wrong in it; a missing file is no problem."""
    import tomllib  # only when there is a config to read

    config = Config(name=path.name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as error:
        config.problems.append(f"{path}: cannot be read ({error}); using the default keys")
        return config
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"at line (\d+), column (\d+)", str(error))
        at = f"{where.group(1)}:{where.group(2)}" if where else "1"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        config.problems.append(f"{path.name}:{at}: not valid TOML: {reason}; using the default keys")
        return config
    config.lines = key_lines(text)
    for name in data:
        if name not in KNOWN_TABLES:
            config.problems.append(
                f"{path.name}:{config.lines.get(name, 1)}: unknown setting '{name}'{_suggest(name, KNOWN_TABLES)}; "
                "it is ignored"
            )
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        config.problems.append(f"{path.name}:{config.lines.get('keymap', 1)}: 'keymap' must be a table: [keymap]")
        return config
    _walk(keymap, "", config)
    return config


def _walk(table: dict, prefix: str, config: Config) -> None:
    """`question.submit = "f5"` is a nested table in TOML: flatten it to binding ids."""
    for key, value in table.items():
        binding_id = f"{prefix}{key}"
        if isinstance(value, dict):
            _walk(value, f"{binding_id}.", config)
        elif isinstance(value, str) and value.strip():
            config.keymap[binding_id] = value.strip()
        else:
            line = config.lines.get(f"keymap.{binding_id}", 1)
            config.problems.append(
                f'{config.name}:{line}: {binding_id} = {value!r} is not a key; write a key name in quotes, e.g. "f5"'
            )


def known_binding_ids() -> set[str]:
    """Every binding id of the app and its screens and widgets (imports them all: after the first frame)."""
    from textual.dom import DOMNode

    import interview.tui.screens
    import interview.tui.widgets
    from interview.tui.app import InterviewApp

    for package in (interview.tui.screens, interview.tui.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    ids = {b.id for b in InterviewApp.BINDINGS if not isinstance(b, tuple) and b.id}
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("interview."):
            ids |= {b.id for b in cls.__dict__.get("BINDINGS", []) if not isinstance(b, tuple) and b.id}
    return ids


def unknown_bindings(config: Config, known: set[str]) -> list[str]:
    """A problem for each keymap entry that names no binding (it is dropped: that key keeps its default)."""
    problems = []
    for binding_id in list(config.keymap):
        if binding_id not in known:
            del config.keymap[binding_id]
            line = config.lines.get(f"keymap.{binding_id}", 1)
            problems.append(
                f"{config.name}:{line}: '{binding_id}' is not a binding id{_suggest(binding_id, sorted(known))}; "
                "see the ids on the help screen (F1)"
            )
    return problems


def _suggest(name: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
