"""The score of a coding answer, and the autosaved draft that keeps code, explanation and runs."""

from __future__ import annotations

import pytest

from interview.bank.model import Concept, Question
from interview.coding import CaseResult, CaseStatus, CodingDraft, RunReport, score_coding


def question(rubric: tuple = ()) -> Question:
    return Question(pack="p", id="q", prompt="p", topic="coding-dsa/x", model_answer="m", rubric=rubric)


def report(passed: int, total: int, hidden: int = 0) -> RunReport:
    cases = tuple(
        CaseResult(i, CaseStatus.PASSED if i < passed else CaseStatus.FAILED, hidden=i >= total - hidden)
        for i in range(total)
    )
    return RunReport(cases, submitted=True)


def test_the_score_is_the_share_of_all_cases_passed() -> None:
    score = score_coding(question(), report(3, 4, hidden=2))
    assert score.value == pytest.approx(0.75) and score.reasons[0] == "3 of 4 cases passed (2 hidden)"


def test_with_a_rubric_the_explanation_counts_for_a_quarter() -> None:
    q = question((Concept("linear", ("linear time",)), Concept("hash", ("hash map",))))
    assert score_coding(q, report(4, 4), "").value == pytest.approx(0.75)
    assert score_coding(q, report(4, 4), "A hash map gives linear time.").value == pytest.approx(1.0)
    half = score_coding(q, report(2, 4), "A hash map.")
    assert half.value == pytest.approx(0.75 * 0.5 + 0.25 * 0.5)
    assert [c.verdict for c in half.concepts] == ["missed", "hit"]


def test_hints_cap_a_coding_score_too() -> None:
    assert score_coding(question(), report(4, 4), hints_taken=1).value == pytest.approx(0.85)


def test_the_draft_round_trips_code_explanation_and_runs() -> None:
    run = RunReport((CaseResult(0, CaseStatus.FAILED, got="3", expected="2", output="x" * 2000),), at=5.0)
    draft = CodingDraft("def f(): pass\n", "O(n)").with_run(run)
    back = CodingDraft.from_text(draft.to_text())
    assert (back.code, back.explanation, len(back.runs)) == ("def f(): pass\n", "O(n)", 1)
    assert back.runs[0].cases[0].got == "3" and len(back.runs[0].cases[0].output) == 500


def test_a_draft_that_is_not_json_is_kept_as_code() -> None:
    assert CodingDraft.from_text("{not json", "starter").code == "{not json"
    assert CodingDraft.from_text("", "starter").code == "starter"
