"""Scoring free-text answers against concept rubrics: normalise, match, score, explain.

No UI here: the feedback screen, the CLI and the rounds all read the same `Score`.
"""

from __future__ import annotations

from functools import lru_cache

from interview.bank.model import Concept, Question
from interview.scoring.draft import draft_rubric, rubric_yaml
from interview.scoring.score import (
    HIT,
    MISSED,
    PARTIAL,
    ConceptResult,
    MisconceptionResult,
    Score,
    score_answer,
    verdict_for,
)

__all__ = [
    "HIT",
    "MISSED",
    "PARTIAL",
    "ConceptResult",
    "MisconceptionResult",
    "Score",
    "draft_rubric",
    "grade",
    "rubric_for",
    "rubric_hash",
    "rubric_yaml",
    "score_answer",
    "verdict_for",
]


@lru_cache(maxsize=4096)
def rubric_for(question: Question) -> tuple[Concept, ...]:
    """The question's own rubric, or one drafted from its model answer."""
    return question.rubric or draft_rubric(question.model_answer, question.prompt)


# The share of a rubric's weight that earns full marks: a fair grader gives full marks to an answer
# that makes the main points, not only to one that says everything the model answer says. Fitted by
# bench/calibrate.py on graded answers; drafted rubrics list every key phrase, so they ask for less.
FULL_CREDIT_AT = 0.8
DRAFTED_FULL_CREDIT = 0.6


def grade(question: Question, answer: str, hints_taken: int = 0) -> Score:
    full_credit_at = FULL_CREDIT_AT if question.rubric else DRAFTED_FULL_CREDIT
    return score_answer(
        answer, rubric_for(question), question.misconceptions, hints_taken, full_credit_at, question.prompt
    )


@lru_cache(maxsize=4096)
def rubric_hash(question: Question) -> str:
    """Changes whenever what the score depends on changes, so history can tell old scores apart."""
    import hashlib

    parts = [repr((c.name, c.phrases, c.weight, c.required)) for c in rubric_for(question)]
    parts += [repr((m.phrases, m.penalty)) for m in question.misconceptions]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
