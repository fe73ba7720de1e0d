"""`interview pack test`: a pack's own examples, and sanity checks on every rubric."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import Sequence

from interview.bank.model import Pack, Question
from interview.scoring import Score, grade

MODEL_ANSWER_FLOOR = 0.85
NON_ANSWER = "I don't know."
NON_ANSWER_CEILING = 0.1
# Mean share of the rubric's weight that other areas' model answers cover: coverage, not the score, since a
# rubric earns full marks below full coverage (FULL_CREDIT_AT); the bar is how much of it a wrong answer touches.
OTHER_ANSWERS_CEILING = 0.25
OTHER_ANSWERS_SAMPLE = 40  # enough for a stable mean, cheap enough for a whole bank


@dataclass(frozen=True, slots=True)
class Check:
    question: Question
    name: str  # "example at line 40", "model answer", ...
    score: Score | None
    low: float
    high: float
    value: float
    passed: bool
    line: int

    def describe(self) -> str:
        return f"{self.name}: scored {self.value:.2f}, expected {self.low:.2f}-{self.high:.2f}"


def _sample(others: list[Question], size: int) -> list[Question]:
    """Evenly spaced, so the same bank always gives the same check."""
    if len(others) <= size:
        return others
    step = len(others) / size
    return [others[int(i * step)] for i in range(size)]


def check_question(question: Question, others: list[Question]) -> list[Check]:
    """`others`: questions from other topic areas; their model answers should score low here."""
    checks = []
    model = grade(question, question.model_answer)
    checks.append(
        Check(
            question,
            "model answer",
            model,
            MODEL_ANSWER_FLOOR,
            1.0,
            model.value,
            model.value >= MODEL_ANSWER_FLOOR,
            question.line,
        )
    )
    blank = grade(question, NON_ANSWER)
    checks.append(
        Check(
            question,
            f"non-answer {NON_ANSWER!r}",
            blank,
            0.0,
            NON_ANSWER_CEILING,
            blank.value,
            blank.value <= NON_ANSWER_CEILING,
            question.line,
        )
    )
    for example in question.examples:
        score = grade(question, example.answer)
        low, high = example.band
        checks.append(
            Check(
                question,
                f"example at line {example.line}",
                score,
                low,
                high,
                score.value,
                low - 1e-9 <= score.value <= high + 1e-9,
                example.line,
            )
        )
    if len(others) >= 2:
        mean = fmean(grade(question, other.model_answer).coverage for other in _sample(others, OTHER_ANSWERS_SAMPLE))
        checks.append(
            Check(
                question,
                "other areas' model answers (mean)",
                None,
                0.0,
                OTHER_ANSWERS_CEILING,
                mean,
                mean <= OTHER_ANSWERS_CEILING,
                question.line,
            )
        )
    return checks


def check_pack(pack: Pack, reference: Sequence[Question] = ()) -> list[Check]:
    """Every check for `pack`; `reference` holds other questions (e.g. the whole bank) to compare with.

    Questions of the same area may rightly overlap (a random-forest answer mentions bagging), so the
    specificity check compares only with other areas; with none loaded, it is skipped.
    """
    pool = list({q.full_id: q for q in (*reference, *pack.questions)}.values())
    return [
        check
        for question in pack.questions
        for check in check_question(question, [q for q in pool if q.area != question.area])
    ]
