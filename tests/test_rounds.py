"""The round engine with a fake clock: no sleeping, fully deterministic."""

from __future__ import annotations

import pytest

from interview.rounds import (
    ASKING,
    BREAK,
    DONE,
    FEEDBACK,
    RoundSession,
    StoreRecorder,
    plan_round,
    resume_session,
    summarize,
)
from interview.rounds.formats import STRICT, custom, drill, onsite_loop, phone_screen, take_home
from interview.store import Store
from tests.rounds_fixtures import FakeClock, make_bank


@pytest.fixture
def bank():
    return make_bank()


def start(spec, bank, store=None, clock=None, wall=None, seed=1):
    clock = clock or FakeClock()
    wall = wall or FakeClock(1_700_000_000)
    recorder = StoreRecorder(store) if store else None
    session = RoundSession.start(spec, plan_round(spec, bank.questions, seed=seed), recorder, clock, wall)
    return session, clock, wall


def test_phone_screen_has_the_shape_of_a_real_one(bank) -> None:
    (stage,) = plan_round(phone_screen(), bank.questions, seed=3)
    areas = [q.area for q in stage]
    assert len(stage) == 6 and len(set(q.full_id for q in stage)) == 6
    assert areas[0] == "behavioral-career" and areas[-1] in ("coding-dsa", "coding-ml-sql")
    assert "take-home" not in {r for q in stage for r in q.rounds} or all("phone" in q.rounds for q in stage)


def test_no_repeats_and_weak_questions_first(bank) -> None:
    history = {q.full_id: (3, 1.0) for q in bank.questions}
    history["t/supervised-1"] = (2, 0.1)
    (stage,) = plan_round(drill(count=3), bank.questions, history, seed=5)
    assert stage[0].full_id == "t/supervised-1"
    assert len({q.full_id for q in stage}) == 3


def test_custom_round_filters_and_ramps(bank) -> None:
    spec = custom(count=3, topics=("supervised", "coding-dsa"))
    (stage,) = plan_round(spec, bank.questions, seed=2)
    assert {q.area for q in stage} <= {"supervised", "coding-dsa"}
    assert [q.difficulty for q in stage] == sorted(q.difficulty for q in stage)


def test_timeout_submits_the_typed_text_marked_overtime(bank) -> None:
    session, clock, _ = start(drill(count=2, per_question_seconds=120), bank)
    session.set_draft("gradient clipping is the key idea")
    clock.advance(119)
    assert session.tick() == [] or all(e.kind == "warning" for e in session.tick())
    clock.advance(2)
    events = session.tick()
    assert [e.kind for e in events] == ["timeout"]
    result = session.results[-1]
    assert result.overtime and result.answer == "gradient clipping is the key idea" and result.score.value == 1.0
    assert session.phase == FEEDBACK


def test_warning_comes_once_before_the_limit(bank) -> None:
    session, clock, _ = start(drill(count=1, per_question_seconds=300), bank)
    clock.advance(230)
    assert session.tick() == []
    clock.advance(20)
    first = session.tick()
    assert [e.kind for e in first] == ["warning"] and "50 seconds" in first[0].message
    clock.advance(5)
    assert session.tick() == []


def test_stage_time_runs_across_questions_and_closes_the_stage(bank) -> None:
    session, clock, _ = start(phone_screen(minutes=30), bank)
    session.submit("gradient clipping")
    session.advance()
    clock.advance(29 * 60)
    session.set_draft("half an answer")
    clock.advance(61)
    assert [e.kind for e in session.tick()] == ["timeout"]
    assert session.results[-1].answer == "half an answer"
    assert session.advance() == DONE  # the stage's other questions are not asked


def test_pause_only_in_practice_mode(bank) -> None:
    practice, clock, _ = start(drill(count=1, per_question_seconds=60), bank)
    assert practice.pause()
    clock.advance(600)
    assert practice.tick() == []
    practice.resume()
    assert practice.question_elapsed() == pytest.approx(0)
    strict, _, _ = start(phone_screen(mode=STRICT), bank)
    assert not strict.pause()


def test_hints_are_recorded_and_cap_the_score(bank) -> None:
    session, _, _ = start(drill(count=1), bank)
    assert session.take_hint() == "Think about gradients."
    result = session.submit("gradient clipping, the key idea")
    assert result.hints == 1 and result.score.value == pytest.approx(0.85)


def test_follow_up_asked_when_its_trigger_concept_was_missed(bank) -> None:
    spec = custom(count=1, topics=("ml-fundamentals/sub9",))
    session, _, _ = start(spec, bank)
    session.submit("no idea")
    assert session.advance() == ASKING
    assert session.current.question.prompt == "Why clip?" and session.current.follow_up_of == 0
    session.submit("to stop exploding gradients")
    assert session.advance() == DONE


def test_follow_up_on_hit(bank) -> None:
    session, _, _ = start(custom(count=1, topics=("ml-fundamentals/sub9",)), bank)
    session.submit("gradient clipping")
    session.advance()
    assert session.current.question.prompt == "Any alternative?"


def test_onsite_loop_has_breaks_and_a_summary(bank) -> None:
    session, _, _ = start(onsite_loop(), bank)
    phases = []
    while session.phase != DONE:
        session.submit("gradient clipping is the key idea")
        phases.append(session.advance())
        if session.phase == BREAK:
            phases.append(session.advance())
    assert BREAK in phases
    summary = summarize(session)
    assert [name for name, _, _ in summary.by_stage][:2] == ["ML breadth", "ML depth"]
    assert summary.recommendation == "strong hire" and summary.reasons


def test_every_event_is_written_and_a_killed_round_resumes_with_its_draft(bank, tmp_path) -> None:
    path = tmp_path / "history.sqlite3"
    store = Store(path)
    session, clock, wall = start(phone_screen(), bank, store)
    first = session.submit("gradient clipping")
    session.advance()
    session.set_draft("my half-typed answer")
    session.take_hint()  # saves the draft
    clock.advance(42)
    session.pause()  # saves the draft with its elapsed time
    store.close()  # the process dies here
    again = Store(path)
    assert again.unfinished_session().id == session.session_id
    resumed = resume_session(again, bank, session.session_id, FakeClock(5), wall)
    assert resumed.position == 1 and resumed.phase == ASKING
    assert resumed.draft == "my half-typed answer" and resumed.hints == 1
    assert resumed.question_elapsed() == pytest.approx(42)
    assert [r.answer for r in resumed.results] == [first.answer]
    assert again.attempts(session.session_id)[0].answer == "gradient clipping"


def test_take_home_deadline_survives_a_restart(bank, tmp_path) -> None:
    path = tmp_path / "history.sqlite3"
    store = Store(path)
    wall = FakeClock(1_700_000_000)
    session, clock, _ = start(take_home(), bank, store, wall=wall)
    assert session.deadline_at == 1_700_000_000 + 72 * 3600
    session.set_draft("baseline first")
    session.pause()
    store.close()
    wall.advance(72 * 3600 + 1)  # the window passes while the app is closed
    resumed = resume_session(Store(path), bank, session.session_id, FakeClock(0), wall)
    events = resumed.tick()
    assert [e.kind for e in events] == ["timeout"] and "deadline" in events[0].message
    assert resumed.results[-1].answer == "baseline first" and resumed.results[-1].overtime


def test_take_home_effort_limit(bank) -> None:
    session, clock, _ = start(take_home(), bank)
    session.set_draft("split by time")
    clock.advance(240 * 60 + 1)
    assert [e.kind for e in session.tick()] == ["timeout"]


def test_clock_jump_backwards_does_not_corrupt_the_round(bank) -> None:
    session, clock, _ = start(drill(count=1, per_question_seconds=60), bank)
    clock.advance(-3600)
    assert session.question_elapsed() == 0 and session.tick() == []


def test_skip_records_a_zero(bank) -> None:
    session, _, _ = start(drill(count=2), bank)
    result = session.skip()
    assert result.skipped and result.score.value == 0.0
