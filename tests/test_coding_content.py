"""The runnable exercises: each reference solution passes every case and a known-wrong one fails a hidden case.

The reference solutions are the packs' `solution` text (shown after submitting, never run by the app);
the wrong ones live here, in tests/data, never in a pack. Both run through the real runner.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from interview.bank import load_files
from interview.coding import CaseStatus, run_exercise

PACK = Path(__file__).parent.parent / "question_bank" / "coding-exercises.yaml"
WRONG = yaml.safe_load((Path(__file__).parent / "data" / "coding-wrong-solutions.yaml").read_text(encoding="utf-8"))
QUESTIONS = [q for pack in load_files([(PACK, True)]).packs for q in pack.questions]


def test_the_bank_has_forty_runnable_exercises_across_the_coding_areas() -> None:
    areas = {q.area for q in QUESTIONS if q.code is not None}
    assert len([q for q in QUESTIONS if q.code is not None]) >= 40
    assert {"coding-dsa", "coding-ml-sql", "compute-numerics"} <= areas
    assert {q.code.language for q in QUESTIONS} == {"python", "sql"}
    assert any("take-home" in q.rounds and q.case is not None for q in QUESTIONS)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_the_reference_solution_passes_every_case(question) -> None:
    report = run_exercise(question.code, question.code.solution, include_hidden=True)
    failures = [(c.index, c.status, c.expected, c.got, c.message) for c in report.cases if not c.passed]
    assert not failures, failures
    assert report.total == len(question.code.cases)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_a_wrong_solution_fails_a_hidden_case(question) -> None:
    report = run_exercise(question.code, WRONG[question.id], include_hidden=True)
    assert any(case.hidden and case.status != CaseStatus.PASSED for case in report.cases)


def test_every_exercise_has_a_wrong_solution_and_no_stray_ones() -> None:
    assert set(WRONG) == {q.id for q in QUESTIONS}
