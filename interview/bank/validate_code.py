"""Validating the `code:` key of a question: a runnable exercise described by data only.

Kept apart from validate.py so the format's other extensions do not collide with it. Every error
names FILE:LINE:COL through the validator's positions, like the rest of a pack.
"""

from __future__ import annotations

import json
import keyword
import math
import re
from typing import TYPE_CHECKING, Any

from interview.bank.code_model import CODE_LANGUAGES, PYTHON, SQL, SQL_TYPES, CodeCase, CodeExercise

if TYPE_CHECKING:
    from interview.bank.validate import PackValidator


CODE_KEYS = {"language": True, "cases": True, "starter": False, "function": False, "schema": False, "solution": False}
PYTHON_CASE_KEYS = {
    "args": False,
    "kwargs": False,
    "expect": True,
    "tolerance": False,
    "unordered": False,
    "hidden": False,
    "name": False,
}
SQL_CASE_KEYS = {"rows": False, "expect": True, "tolerance": False, "unordered": False, "hidden": False, "name": False}
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
COLUMN = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+([A-Za-z]+))?\s*$")
MAX_CASES = 100
MAX_CASE_JSON = 256 * 1024  # one case's data; a pack is hand-written, not a data dump


def _identifier(name: Any) -> bool:
    return isinstance(name, str) and bool(IDENTIFIER.match(name)) and not keyword.iskeyword(name)


class _CodeChecks:
    """The checks of one `code:` mapping, reporting through the pack's validator."""

    def __init__(self, validator: PackValidator, what: str) -> None:
        self.v = validator
        self.what = what

    def data(self, mapping: dict, key: str, where_what: str) -> str | None:
        """A value as canonical JSON, or None (and an error) when it is not plain data."""
        value = mapping[key]
        problem = self._plain(value)
        if problem:
            self.v.error(self.v.pos.of_value(mapping, key), f"'{key}' in {where_what} {problem}")
            return None
        text = json.dumps(value, separators=(",", ":"), sort_keys=True)
        if len(text) > MAX_CASE_JSON:
            self.v.error(
                self.v.pos.of_value(mapping, key), f"'{key}' in {where_what} is larger than {MAX_CASE_JSON // 1024} KB"
            )
            return None
        return text

    def _plain(self, value: Any, depth: int = 0) -> str:
        """Why `value` is not JSON-like data ('' when it is)."""
        if depth > 32:
            return "nests too deeply"
        if value is None or isinstance(value, (bool, int)):
            return ""
        if isinstance(value, float):
            return "" if math.isfinite(value) else "must use finite numbers (not .inf or .nan)"
        if isinstance(value, str):
            if self.v.quick:
                self.v._note_quick_read(value, list_item=True)
            return ""
        if isinstance(value, list):
            return next((p for p in (self._plain(item, depth + 1) for item in value) if p), "")
        if isinstance(value, dict):
            if not all(isinstance(k, str) for k in value):
                return "must use text keys in its mappings (quote numbers used as keys)"
            return next((p for p in (self._plain(item, depth + 1) for item in value.values()) if p), "")
        return f"must be plain data (numbers, text, true/false, null, lists, mappings), not {type(value).__name__}"

    def exercise(self, q: dict) -> CodeExercise | None:
        raw = q["code"]
        v = self.v
        if not isinstance(raw, dict):
            v.error(v.pos.of_value(q, "code"), f"'code' in {self.what} must be a mapping with 'language' and 'cases'")
            return None
        errors_before = len(v.errors)
        where = f"the code of {self.what}"
        v.check_keys(raw, CODE_KEYS, where)
        language = raw.get("language")
        if "language" in raw and language not in CODE_LANGUAGES:
            v.error(
                v.pos.of_value(raw, "language"),
                f"'language' in {where} must be one of {', '.join(CODE_LANGUAGES)}, not {language!r}",
            )
            return None
        function = v.text(raw, "function", where)
        schema: tuple = ()
        if language == PYTHON:
            if "function" not in raw:
                v.error(v.pos.of(raw), f"{where} needs 'function': the name of the function the cases call")
            elif function and not _identifier(function):
                v.error(v.pos.of_value(raw, "function"), f"'function' must be a Python name, not {function!r}")
            if "schema" in raw:
                v.error(v.pos.of_key(raw, "schema"), "'schema' is for SQL exercises; Python cases give 'args'")
        elif language == SQL:
            if "function" in raw:
                v.error(v.pos.of_key(raw, "function"), "'function' is for Python exercises; remove it")
            schema = self.schema(raw, where)
        cases = tuple(
            case
            for case in (self.case(entry, at, language, schema) for entry, at in v.mapping_items(raw, "cases", where))
            if case is not None
        )
        if isinstance(raw.get("cases"), list):
            if not raw["cases"]:
                v.error(v.pos.of_value(raw, "cases"), f"'cases' in {where} must list at least one case")
            elif len(raw["cases"]) > MAX_CASES:
                v.error(v.pos.of_value(raw, "cases"), f"'cases' in {where} lists more than {MAX_CASES} cases")
            elif cases and all(case.hidden for case in cases):
                v.error(
                    v.pos.of_value(raw, "cases"),
                    f"{where} needs at least one case without 'hidden: true', for the candidate's test runs",
                )
        starter = v.text(raw, "starter", where)
        solution = v.text(raw, "solution", where)
        if len(v.errors) > errors_before or language is None:
            return None
        return CodeExercise(
            language=language,
            cases=cases,
            starter=_code_text(raw.get("starter"), starter),
            function=function,
            schema=schema,
            solution=_code_text(raw.get("solution"), solution),
        )

    def schema(self, raw: dict, where: str) -> tuple:
        v = self.v
        if "schema" not in raw:
            v.error(
                v.pos.of(raw), f"{where} needs 'schema': each table and its columns, e.g. events: [user_id INTEGER]"
            )
            return ()
        tables = raw["schema"]
        if not isinstance(tables, dict) or not tables:
            v.error(v.pos.of_value(raw, "schema"), "'schema' must map each table name to a list of 'column TYPE'")
            return ()
        result = []
        for table, columns in tables.items():
            if not _identifier(table):
                v.error(v.pos.of_key(tables, table), f"table name {table!r} must be letters, digits and '_'")
                continue
            if not isinstance(columns, list) or not columns:
                v.error(v.pos.of_value(tables, table), f"table '{table}' needs a list of columns, e.g. [id INTEGER]")
                continue
            parsed = []
            for index, column in enumerate(columns):
                match = COLUMN.match(column) if isinstance(column, str) else None
                kind = (match.group(2) or "").upper() if match else ""
                if match is None or (kind and kind not in SQL_TYPES):
                    v.error(
                        v.pos.unknown if v.quick else v.pos.of_item(columns, index),
                        f"column {column!r} of table '{table}' must be 'name' or 'name TYPE' "
                        f"with TYPE one of {', '.join(SQL_TYPES)}",
                    )
                    continue
                parsed.append((match.group(1), kind))
            names = [name.lower() for name, _ in parsed]
            if len(set(names)) != len(names):
                v.error(v.pos.of_value(tables, table), f"table '{table}' names a column twice")
            result.append((table, tuple(parsed)))
        return tuple(result)

    def case(self, entry: dict, at: tuple[int, int], language: Any, schema: tuple) -> CodeCase | None:
        v = self.v
        what = f"a case of {self.what}"
        errors_before = len(v.errors)
        v.check_keys(entry, PYTHON_CASE_KEYS if language != SQL else SQL_CASE_KEYS, what)
        expect = self.data(entry, "expect", what) if "expect" in entry else None
        args, kwargs, rows = "[]", "{}", "{}"
        if language == PYTHON:
            if "args" in entry and not isinstance(entry["args"], list):
                v.error(v.pos.of_value(entry, "args"), f"'args' in {what} must be a list: [first, second, ...]")
            elif "args" in entry:
                args = self.data(entry, "args", what) or "[]"
            if "kwargs" in entry:
                raw_kwargs = entry["kwargs"]
                if not isinstance(raw_kwargs, dict) or not all(_identifier(k) for k in raw_kwargs):
                    v.error(v.pos.of_value(entry, "kwargs"), f"'kwargs' in {what} must map parameter names to values")
                else:
                    kwargs = self.data(entry, "kwargs", what) or "{}"
        elif language == SQL:
            rows = self.rows(entry, what, dict(schema))
            if "expect" in entry and not _rows_shape(entry["expect"]):
                v.error(v.pos.of_value(entry, "expect"), f"'expect' in {what} must be a list of rows, each a list")
        unordered = v.flag(entry, "unordered", what)
        if unordered and "expect" in entry and not isinstance(entry["expect"], list):
            v.error(v.pos.of_key(entry, "unordered"), f"'unordered' in {what} needs 'expect' to be a list")
        tolerance = float(v.number(entry, "tolerance", what, 0, 1, 0.0))
        hidden = v.flag(entry, "hidden", what)
        name = v.text(entry, "name", what)
        if len(v.errors) > errors_before or expect is None:
            return None
        return CodeCase(expect, args, kwargs, rows, tolerance, unordered, hidden, name)

    def rows(self, entry: dict, what: str, schema: dict) -> str:
        v = self.v
        if "rows" not in entry:
            return "{}"
        tables = entry["rows"]
        if not isinstance(tables, dict):
            v.error(v.pos.of_value(entry, "rows"), f"'rows' in {what} must map table names to lists of rows")
            return "{}"
        for table, table_rows in tables.items():
            if table not in schema:
                known = ", ".join(schema) or "none"
                v.error(
                    v.pos.of_key(tables, table),
                    f"'rows' names table {table!r}, which 'schema' does not (tables: {known})",
                )
            elif not _rows_shape(table_rows) or any(len(row) != len(schema[table]) for row in table_rows):
                v.error(
                    v.pos.of_value(tables, table),
                    f"rows of table '{table}' must each be a list of {len(schema[table])} values, one per column",
                )
        return self.data(entry, "rows", what) or "{}"


def _rows_shape(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(row, list) for row in value)


def _code_text(raw: Any, stripped: str) -> str:
    """Code keeps its indentation: only surrounding blank lines go, and it ends with one newline."""
    if not isinstance(raw, str):
        return stripped
    text = raw.strip("\n").rstrip()
    return text + "\n" if text else ""


def code_exercise(validator: PackValidator, q: dict, what: str) -> CodeExercise | None:
    from interview.bank.validate import _REQUIRED  # validate.py imports this module: its table is reached late

    if id(CODE_KEYS) not in _REQUIRED:
        for spec in (CODE_KEYS, PYTHON_CASE_KEYS, SQL_CASE_KEYS):  # check_keys looks required keys up there
            _REQUIRED[id(spec)] = frozenset(key for key, required in spec.items() if required)
    return _CodeChecks(validator, what).exercise(q)
