"""Coding exercises that run: a candidate's code against a question's data-only cases, in a limited child process.

No UI here. `run_exercise` runs the code; `score_coding` turns the final run (and an optional
explanation) into a Score; `CodingDraft` is what the editor autosaves.
"""

from interview.coding.draft import CodingDraft
from interview.coding.grade import EXPLANATION_WEIGHT, score_coding
from interview.coding.results import CaseResult, CaseStatus, CodingOutcome, RunReport
from interview.coding.runner import Limits, run_exercise

__all__ = [
    "EXPLANATION_WEIGHT",
    "CaseResult",
    "CaseStatus",
    "CodingDraft",
    "CodingOutcome",
    "Limits",
    "RunReport",
    "run_exercise",
    "score_coding",
]
