"""The score of a coding answer: the share of all cases passed (hidden ones count), combined with the
rubric's score of a short explanation when the question has a rubric of its own."""

from __future__ import annotations

from interview.bank.model import Question
from interview.coding.results import RunReport
from interview.scoring import Score, score_answer, verdict_for
from interview.scoring.score import HINT_CAPS

EXPLANATION_WEIGHT = 0.25  # complexity and edge cases matter, but code that passes matters most


def explanation_weight(question: Question) -> float:
    return EXPLANATION_WEIGHT if question.rubric else 0.0


def score_coding(question: Question, final: RunReport, explanation: str = "", hints_taken: int = 0) -> Score:
    share = final.share
    weight = explanation_weight(question)
    hidden = sum(case.hidden for case in final.cases)
    reasons = [f"{final.passed} of {final.total} cases passed ({hidden} hidden)"]
    concepts: tuple = ()
    mistakes: tuple = ()
    value = share
    if weight:
        written = score_answer(explanation, question.rubric, question.misconceptions)
        concepts, mistakes = written.concepts, written.misconceptions
        value = (1 - weight) * share + weight * written.value
        reasons.append(
            f"explanation scored {written.value:.2f} against the rubric; it counts for {weight:.0%}"
            if explanation.strip()
            else f"no explanation written: its {weight:.0%} of the score is 0"
        )
        reasons += [r for r in written.reasons if not r.startswith("drafted")]
    if final.problem:
        reasons.append(final.problem)
    cap = HINT_CAPS[min(hints_taken, len(HINT_CAPS) - 1)]
    if hints_taken and value > cap:
        value = cap
        reasons.append(f"capped at {cap:.2f}: {hints_taken} hint{'s' if hints_taken > 1 else ''} taken")
    value = min(1.0, max(0.0, value))
    return Score(value, verdict_for(value), share, concepts, mistakes, tuple(reasons), hints_taken)
