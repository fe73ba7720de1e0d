"""The seam between the UI and the core: the practice service, round rules in the session, typed
phases and kinds, one registry of round kinds, SQL only in the store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from interview.bank.model import ROUND_KINDS as PACK_ROUND_VALUES
from interview.rounds import (
    ASKING,
    DONE,
    FEEDBACK,
    Mode,
    NotReady,
    Phase,
    PracticeService,
    ResumeError,
    RoundKind,
    RoundSession,
)
from interview.rounds.formats import STRICT, drill, phone_screen
from interview.rounds.kinds import ROUND_KINDS, kind_info
from interview.rounds.session import Item, SavedPlace, spec_from_dict, spec_to_dict
from interview.scoring import grade
from interview.store import AttemptRecord, Store
from tests.rounds_fixtures import FakeClock, make_bank

ROOT = Path(__file__).resolve().parent.parent
ANSWER = "The key idea is gradient clipping, applied before each update."


@pytest.fixture
def practice(tmp_path: Path) -> PracticeService:
    return PracticeService(Store(tmp_path / "h.sqlite3"), make_bank(), FakeClock(), FakeClock(1_795_000_000.0), seed=7)


def test_start_and_resume_a_round_without_any_ui(practice: PracticeService) -> None:
    session = practice.start(phone_screen())
    session.set_draft("half an answer")
    session.pause()
    unfinished = practice.unfinished()
    assert unfinished is not None and unfinished.id == session.session_id
    again = practice.resume(unfinished.id)
    assert again.draft == "half an answer" and again.phase == ASKING and again.position == 0


def test_nothing_starts_before_the_packs_are_loaded(tmp_path: Path) -> None:
    practice = PracticeService(Store(tmp_path / "h.sqlite3"))
    with pytest.raises(NotReady):
        practice.start(phone_screen())
    with pytest.raises(NotReady):
        practice.resume(1)
    assert practice.weak_drill().question_ids == ()


def test_resuming_a_round_whose_questions_are_gone_says_why(practice: PracticeService) -> None:
    session = practice.start(phone_screen())
    practice.bank = make_bank().__class__()  # an empty bank: none of the round's questions
    with pytest.raises(ResumeError, match="no longer in any loaded pack"):
        practice.resume(session.session_id)


def test_the_weak_area_drill_asks_the_weakest_questions_first(practice: PracticeService) -> None:
    bank = practice.bank
    assert bank is not None
    weak, strong = bank.questions[0], bank.questions[1]
    session = practice.store.create_session("drill", "practice", {})
    for question, score in ((weak, 0.1), (strong, 0.9)):
        breakdown = {"score": score, "verdict": "x", "concepts": []}
        record = AttemptRecord(session, 0, question.full_id, question.topic, "a", score, "x", breakdown, "h", 1)
        practice.store.record_attempt(record)
    spec = practice.weak_drill(count=2)
    assert spec.question_ids == (weak.full_id, strong.full_id)
    assert practice.default_spec("drill").question_ids[:2] == (weak.full_id, strong.full_id)


def test_question_lookup_and_rubric_change(practice: PracticeService) -> None:
    session = practice.start(drill(1))
    result = session.submit(ANSWER)
    (attempt,) = practice.store.attempts(session.session_id)
    assert practice.question_for(attempt.question_id, attempt.topic) == result.question
    assert practice.rubric_current(attempt)
    assert practice.rescore(attempt.question_id, [attempt]) == {}
    practice.store.db.execute("UPDATE attempts SET rubric_hash = 'an older rubric'")
    (older,) = practice.store.attempts(session.session_id)
    assert not practice.rubric_current(older)
    assert practice.rescore(older.question_id, [older]) == {0: grade(result.question, ANSWER).value}
    stand_in = practice.question_for("gone/q1", "math/x")
    assert "not loaded" in stand_in.model_answer and practice.rescore("gone/q1", [older]) is None


def test_a_strict_round_goes_from_an_answer_straight_to_the_next_question(practice: PracticeService) -> None:
    session = practice.start(phone_screen(mode=STRICT))
    session.submit(ANSWER)
    assert session.phase == ASKING and session.position == 1  # no feedback until the end
    while session.phase != DONE:
        session.submit(ANSWER)
    assert len(session.results) >= 6


def test_restore_brings_back_the_draft_hints_and_time(practice: PracticeService) -> None:
    bank = practice.bank
    assert bank is not None
    question = bank.questions[0]
    spec = drill(1)
    saved = SavedPlace(42, 0, "asking", None, {}, draft="typed", hints=1, elapsed=30.0)
    clock = FakeClock(500.0)
    session = RoundSession.restore(spec, [Item(question, 0)], [], saved, None, clock, FakeClock())
    clock.advance(10)
    assert (session.session_id, session.draft, session.hints) == (42, "typed", 1)
    assert session.question_elapsed() == 40.0 and session.phase is Phase.ASKING


def test_a_strict_round_saved_at_its_feedback_moves_on_when_restored(practice: PracticeService) -> None:
    bank = practice.bank
    assert bank is not None
    items = [Item(bank.questions[0], 0), Item(bank.questions[1], 0)]
    answered = RoundSession.start(drill(2), [[bank.questions[0], bank.questions[1]]]).submit(ANSWER)
    saved = SavedPlace(None, 0, "feedback", None, {})
    strict = RoundSession.restore(phone_screen(mode=STRICT), items, [answered], saved)
    practice_round = RoundSession.restore(phone_screen(), items, [answered], saved)
    assert (strict.phase, strict.position) == (ASKING, 1)
    assert (practice_round.phase, practice_round.position) == (FEEDBACK, 0)


def test_phases_modes_and_kinds_are_enums_that_store_as_before() -> None:
    spec = phone_screen(mode=STRICT)
    data = json.loads(json.dumps(spec_to_dict(spec)))
    assert data["kind"] == "phone" and data["mode"] == "strict"  # the saved state is unchanged
    again = spec_from_dict(data)
    assert again == spec and isinstance(again.kind, RoundKind) and isinstance(again.mode, Mode)
    assert [p.value for p in Phase] == ["asking", "feedback", "break", "done"]


def test_one_registry_of_round_kinds_feeds_every_front_end() -> None:
    from interview.cli import main  # (it registers the history commands)
    from interview.tui.screens.history import KINDS
    from interview.tui.screens.home import HomeScreen

    ids = [str(info.id) for info in ROUND_KINDS]
    assert ids == [str(kind) for kind in RoundKind]
    history_list = main.commands["history"].commands["list"]  # type: ignore[attr-defined]
    (kind_option,) = [p for p in history_list.params if p.name == "kind"]
    assert list(kind_option.type.choices) == ids
    assert [value for _, value in KINDS] == ids
    home_ids = {b.id for b in HomeScreen.BINDINGS if not isinstance(b, tuple)}
    assert {info.binding_id for info in ROUND_KINDS} <= home_ids
    for info in ROUND_KINDS:
        spec = info.spec(Mode.PRACTICE)
        assert spec.kind == info.id and spec.title == info.title
        assert spec.round_filter in (*PACK_ROUND_VALUES, "")  # what packs may name in `rounds:`
    assert kind_info("take-home").menu_title == "Take-home case"


async def test_the_palette_offers_the_registrys_rounds(tmp_path: Path) -> None:
    from interview.tui.app import make_app

    app = make_app(bank=make_bank(), store=Store(tmp_path / "h.sqlite3"), keymap={})
    async with app.run_test():
        names = [command.title for command in app.get_system_commands(app.screen)]
    assert all(info.palette[0] in names for info in ROUND_KINDS if info.palette)


SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b|\.execute\(")


def test_sql_lives_only_in_the_store() -> None:
    """SQL on the history database, that is: coding/ runs a candidate's SQL in its own in-memory sandbox."""
    allowed = ("store", "coding")
    outside = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "interview").rglob("*.py"))
        if not set(allowed) & set(path.relative_to(ROOT / "interview").parts)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SQL.search(line)
    ]
    assert outside == []


def test_rows_are_read_by_column_name(tmp_path: Path) -> None:
    """A column added by a later migration must not shift what the reads see."""
    store = Store(tmp_path / "h.sqlite3")
    session = store.create_session("drill", "practice", {"a": 1})
    breakdown = {"score": 0.5, "verdict": "borderline", "concepts": []}
    store.record_attempt(AttemptRecord(session, 0, "p/q", "a/b", "text", 0.5, "borderline", breakdown, "h", 3.0))
    for table in ("sessions", "attempts", "drafts"):
        store.db.execute(f"ALTER TABLE {table} ADD COLUMN added_later TEXT DEFAULT 'x'")
    (attempt,) = store.attempts(session)
    assert (attempt.answer, attempt.score, attempt.breakdown, attempt.skipped) == ("text", 0.5, breakdown, False)
    row = store.session(session)
    assert row is not None and row.state == {"a": 1}
    ((page_row, answers, mean),) = store.sessions_page()
    assert (page_row.kind, answers, mean) == ("drill", 1, 0.5)
