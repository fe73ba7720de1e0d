"""A coding answer as a round submits it: the saved draft in, the code, its score and what to keep out."""

from __future__ import annotations

import time
from collections.abc import Callable

from interview.bank.model import Question
from interview.coding.draft import CodingDraft
from interview.coding.grade import explanation_weight, score_coding
from interview.coding.results import CodingOutcome, RunReport
from interview.coding.runner import run_exercise
from interview.scoring import Score


def grade_coding_answer(
    question: Question,
    draft_text: str,
    hints: int = 0,
    final: RunReport | None = None,
    skipped: bool = False,
    wall: Callable[[], float] = time.time,
) -> tuple[str, Score, CodingOutcome]:
    """(the code, its score, the outcome to store). Without `final`, every case is run now (a timeout
    or a caller without a worker); the editor runs them in a worker and passes the report in."""
    assert question.code is not None
    draft = CodingDraft.from_text(draft_text, question.code.starter)
    if skipped:
        final = RunReport((), submitted=True, at=wall(), problem="skipped: no case was run")
    elif final is None:
        final = run_exercise(question.code, draft.code, include_hidden=True, wall=wall())
    score = score_coding(question, final, "" if skipped else draft.explanation, hints)
    outcome = CodingOutcome(draft.code, draft.explanation, draft.runs, final, explanation_weight(question))
    return draft.code, score, outcome
