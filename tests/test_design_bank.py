"""The built-in system-design questions are staged, probed and fairly examined (issues 13 and 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interview.bank import load_pack_file
from interview.interviewer.staged import grade_stages, join_stages
from interview.scoring import score_answer

PACK = Path(__file__).parents[1] / "question_bank" / "ml-system-design.yaml"


@pytest.fixture(scope="module")
def questions():
    result = load_pack_file(PACK)
    assert result.errors == ()
    return result.pack.questions


def test_at_least_twenty_staged_questions(questions) -> None:
    assert len(questions) >= 20
    assert all(len(q.stages) >= 5 for q in questions), [q.id for q in questions if len(q.stages) < 5]


def test_every_concept_is_listened_for_in_exactly_one_stage(questions) -> None:
    for q in questions:
        staged = [c.name for s in q.stages for c in s.rubric]
        assert len(staged) == len(set(staged)), q.id
        assert {c.name for c in q.rubric} <= set(staged), q.id


def test_stage_minutes_fit_the_question_time(questions) -> None:
    for q in questions:
        assert sum(s.minutes for s in q.stages) * 60 <= (q.time_limit or 2700), q.id


def test_the_model_answer_covers_every_stage(questions) -> None:
    """Each stage's rubric is consistent with the model answer: one list of phrases serves both."""
    for q in questions:
        for stage in q.stages:
            assert score_answer(q.model_answer, stage.rubric).value >= 0.99, (q.id, stage.name)


def test_the_model_answer_split_into_its_stages_scores_well(questions) -> None:
    """A candidate who says in each stage what the model answer says about it passes the staged question."""
    for q in questions:
        texts = []
        for stage in q.stages:
            words = {w for c in stage.rubric for p in c.phrases for w in re.findall(r"[a-z0-9]+", p.lower())}
            sentences = [
                s
                for s in re.split(r"(?<=[.;:])\s+", q.model_answer)
                if words & set(re.findall(r"[a-z0-9]+", s.lower()))
            ]
            texts.append(" ".join(sentences))
        assert grade_stages(q, join_stages(q.stages, texts)).score.value >= 0.8, q.id


def test_every_required_concept_has_an_authored_probe(questions) -> None:
    for q in questions:
        for concept in q.rubric:
            if concept.required:
                assert concept.probe.endswith("?"), (q.id, concept.name)


def test_every_question_has_a_short_fair_example_that_passes(questions) -> None:
    for q in questions:
        short = [e for e in q.examples if e.band == (0.6, 1.0) and len(re.findall(r"[.!?](\s|$)", e.answer)) <= 3]
        assert short, q.id
        assert not any(e.answer.strip() == q.model_answer.strip() for e in short), q.id
