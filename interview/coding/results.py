"""What a run of a candidate's code found, case by case; and how a value is compared with the expected one."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SHOWN_CHARS = 120  # expected vs got, shown shortly


class CaseStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMEOUT = "timeout"


@dataclass(frozen=True, slots=True)
class CaseResult:
    index: int  # the case's position in the exercise
    status: CaseStatus
    hidden: bool = False
    name: str = ""
    call: str = ""  # the arguments (Python) or the tables' row counts (SQL), shortly
    expected: str = ""  # shown shortly
    got: str = ""
    message: str = ""  # the exception, or why it timed out
    line: int = 0  # the candidate's own line where it failed (0: none)
    line_text: str = ""
    output: str = ""  # what the code printed, cut at a limit
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == CaseStatus.PASSED

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "status": str(self.status),
            "hidden": self.hidden,
            "name": self.name,
            "call": self.call,
            "expected": self.expected,
            "got": self.got,
            "message": self.message,
            "line": self.line,
            "line_text": self.line_text,
            "output": self.output,
            "seconds": round(self.seconds, 4),
        }

    @classmethod
    def from_dict(cls, data: dict) -> CaseResult:
        return cls(**{**data, "status": CaseStatus(data["status"])})


@dataclass(frozen=True, slots=True)
class RunReport:
    """One run: the visible cases (a test run) or all of them (the submission)."""

    cases: tuple[CaseResult, ...]
    submitted: bool = False  # all cases, hidden included
    seconds: float = 0.0
    at: float = 0.0  # wall clock when it ran
    problem: str = ""  # why the run as a whole went wrong, when it did (e.g. the process died)

    @property
    def passed(self) -> int:
        return sum(case.passed for case in self.cases)

    @property
    def total(self) -> int:
        return len(self.cases)

    @property
    def share(self) -> float:
        return self.passed / self.total if self.cases else 0.0

    def summary(self) -> str:
        if self.submitted:
            return f"{self.passed} of {self.total} cases passed, hidden ones included"
        return f"{self.passed} of {self.total} visible cases passed"

    def to_dict(self) -> dict:
        return {
            "cases": [case.to_dict() for case in self.cases],
            "submitted": self.submitted,
            "seconds": round(self.seconds, 4),
            "at": self.at,
            "problem": self.problem,
        }

    @classmethod
    def from_dict(cls, data: dict) -> RunReport:
        return cls(
            tuple(CaseResult.from_dict(case) for case in data.get("cases", [])),
            bool(data.get("submitted", False)),
            float(data.get("seconds", 0.0)),
            float(data.get("at", 0.0)),
            str(data.get("problem", "")),
        )


@dataclass(frozen=True, slots=True)
class CodingOutcome:
    """What a coding attempt keeps: the explanation, every test run, and the final (submitted) run."""

    code: str
    explanation: str = ""
    runs: tuple[RunReport, ...] = ()
    final: RunReport | None = None
    explanation_weight: float = 0.0  # the explanation's share of the score (0 when not graded)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "explanation": self.explanation,
            "runs": [run.to_dict() for run in self.runs],
            "final": self.final.to_dict() if self.final else None,
            "explanation_weight": self.explanation_weight,
        }

    @classmethod
    def from_dict(cls, data: dict) -> CodingOutcome:
        final = data.get("final")
        return cls(
            str(data.get("code", "")),
            str(data.get("explanation", "")),
            tuple(RunReport.from_dict(run) for run in data.get("runs", [])),
            RunReport.from_dict(final) if final else None,
            float(data.get("explanation_weight", 0.0)),
        )


def shorten(value: Any, limit: int = SHOWN_CHARS, raw: bool = False) -> str:
    """A value as JSON (or `raw` text as it is), cut to `limit` characters."""
    text = str(value) if raw else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def same(expected: Any, got: Any, tolerance: float = 0.0) -> bool:
    """Equal as data: numbers within `tolerance` (absolute or relative), lists item by item, mappings key by key.
    true is not 1: a bool must come back as a bool."""
    if _number(expected) and _number(got):
        if tolerance:
            return math.isclose(expected, got, rel_tol=tolerance, abs_tol=tolerance)
        return expected == got
    if isinstance(expected, bool) or isinstance(got, bool):
        return type(expected) is type(got) and expected == got
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(same(e, g, tolerance) for e, g in zip(expected, got, strict=True))
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(same(expected[k], got[k], tolerance) for k in expected)
    return type(expected) is type(got) and expected == got


def same_unordered(expected: list, got: Any, tolerance: float = 0.0) -> bool:
    """The same items in any order (a multiset): each expected item is matched by a distinct one of `got`."""
    if not isinstance(got, list) or len(got) != len(expected):
        return False
    left = list(got)
    for item in expected:
        match = next((i for i, candidate in enumerate(left) if same(item, candidate, tolerance)), None)
        if match is None:
            return False
        left.pop(match)
    return True
