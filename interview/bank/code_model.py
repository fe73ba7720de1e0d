"""The `code:` key of a question: a runnable exercise whose cases are data, never code.

Case data is kept as canonical JSON text: it is what the runner's child process receives, it stays
hashable (questions are cache keys) and it cannot hold anything a pack could make the app execute.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from interview.bank.model import _Record

PYTHON, SQL = "python", "sql"
CODE_LANGUAGES = (PYTHON, SQL)
SQL_TYPES = ("INTEGER", "REAL", "TEXT", "NUMERIC", "BLOB")


@dataclass(frozen=True, slots=True)
class CodeCase(_Record):
    """One test: for Python the call's arguments, for SQL the tables' rows; and what must come back."""

    expect: str  # JSON: the return value (Python) or the result rows (SQL)
    args: str = "[]"  # JSON list (Python)
    kwargs: str = "{}"  # JSON mapping (Python)
    rows: str = "{}"  # JSON mapping table -> list of rows (SQL)
    tolerance: float = 0.0  # numbers match when within this (absolute or relative)
    unordered: bool = False  # a list result (or result rows) compared as a multiset
    hidden: bool = False  # not shown to the candidate before submitting; counts in the score
    name: str = ""

    @property
    def expected(self) -> Any:
        return json.loads(self.expect)


@dataclass(frozen=True, slots=True)
class CodeExercise(_Record):
    language: str  # python or sql
    cases: tuple[CodeCase, ...]
    starter: str = ""
    function: str = ""  # Python: the function the cases call
    schema: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()  # SQL: (table, ((column, type), ...))
    solution: str = ""  # shown after submitting; the app never runs it

    @property
    def visible_cases(self) -> tuple[CodeCase, ...]:
        return tuple(case for case in self.cases if not case.hidden)

    @property
    def hidden_count(self) -> int:
        return sum(case.hidden for case in self.cases)
