"""The built-in bank meets its quality bar, and every rubric passes its own tests (run in CI)."""

from __future__ import annotations

from collections import Counter
from statistics import median

import pytest

from interview.bank import load_bank
from interview.scoring.selftest import check_pack

AREAS = (
    "math probability-statistics ml-fundamentals data-features supervised unsupervised deep-learning nlp "
    "computer-vision reinforcement-learning llm evaluation-metrics ml-system-design mlops coding-dsa "
    "coding-ml-sql compute-numerics tools-frameworks programming-languages behavioral-career"
).split()


@pytest.fixture(scope="module")
def bank():
    loaded = load_bank(user=False, use_cache=False)
    assert loaded.errors == []
    return loaded


def test_counts(bank) -> None:
    questions = bank.questions
    assert len(questions) >= 300
    areas = Counter(q.area for q in questions)
    assert set(areas) == set(AREAS) and min(areas.values()) >= 8
    assert sum("phone" in q.rounds for q in questions) >= 100
    assert sum("onsite" in q.rounds for q in questions) >= 150
    for level in (1, 2, 3):
        assert sum(q.difficulty == level for q in questions) >= 0.15 * len(questions)
    assert areas["ml-system-design"] >= 12
    assert sum(1 for q in questions if "take-home" in q.rounds and q.case) >= 8


def test_every_question_is_complete(bank) -> None:
    questions = bank.questions
    assert median(len(q.model_answer.split()) for q in questions) >= 60
    for q in questions:
        if q.code is not None:  # a runnable exercise is graded by its cases (tests/test_coding_content.py)
            assert q.code.solution and q.code.hidden_count and q.code.visible_cases, q.full_id
            continue
        assert 3 <= len(q.rubric) <= 8, q.full_id
        assert 1 <= len(q.hints) <= 3, q.full_id
        assert len(q.examples) >= 2, q.full_id
        assert any(e.band[0] >= 0.5 for e in q.examples) and any(e.band[1] <= 0.5 for e in q.examples), q.full_id
        if "onsite" in q.rounds:
            assert q.follow_ups, q.full_id


def test_every_rubric_passes_its_own_checks(bank) -> None:
    reference = bank.questions
    failures = [
        f"{c.question.full_id}: {c.describe()}"
        for pack in bank.packs
        for c in check_pack(pack, reference)
        if not c.passed
    ]
    assert failures == []
