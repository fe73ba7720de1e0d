"""Rounds with runnable exercises: the phone screen's coding question, the onsite's two, a coding take-home."""

from __future__ import annotations

from pathlib import Path

from interview.bank import load_files
from interview.rounds import RoundSession, plan_round
from interview.rounds.formats import onsite_loop, phone_screen, take_home
from tests.rounds_fixtures import make_bank

PACK = Path(__file__).parent.parent / "question_bank" / "coding-exercises.yaml"


def questions():  # type: ignore[no-untyped-def]
    exercises = [q for p in load_files([(PACK, True)]).packs for q in p.questions]
    return make_bank().questions + exercises


def test_the_phone_screens_coding_question_runs() -> None:
    (stage,) = plan_round(phone_screen(), questions(), seed=3)
    assert stage[-1].code is not None and all(q.code is None for q in stage[:-1])


def test_the_onsite_coding_session_has_two_runnable_exercises() -> None:
    spec = onsite_loop()
    stages = plan_round(spec, questions(), seed=3)
    coding = stages[[s.name for s in spec.stages].index("Coding")]
    assert len(coding) == 2 and all(q.code is not None for q in coding)
    assert coding[0].area == "coding-dsa" and coding[1].area in ("coding-ml-sql", "compute-numerics")


def test_a_coding_take_home_is_graded_on_its_cases_and_its_write_up() -> None:
    case = next(q for q in questions() if q.code is not None and q.case is not None)
    session = RoundSession.start(take_home(), [[case]])
    from interview.coding import CodingDraft

    note = "O(n d) per prediction against every training point; at scale a KD-tree or HNSW; vote ties by label."
    result = session.submit(CodingDraft(case.code.solution, note).to_text())
    assert result.coding is not None and result.coding.final.passed == len(case.code.cases)
    assert result.score.value > 0.85 and session.deadline_at is not None
