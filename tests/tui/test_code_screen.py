"""The code editor: a new user's phone screen with a runnable softmax, test runs, a fix, and the submission."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, TextArea

from interview.bank import Bank, Pack, load_files
from interview.coding import Limits
from interview.rounds.formats import phone_screen
from interview.store import Store
from interview.store.exchange import export_bundle, import_bundle
from interview.tui.app import make_app
from interview.tui.screens.code import CodeScreen
from interview.tui.screens.feedback import FeedbackScreen
from interview.tui.screens.home import HomeScreen
from interview.tui.screens.question import QuestionScreen
from tests.rounds_fixtures import make_bank

PACK = Path(__file__).parent.parent.parent / "question_bank" / "coding-exercises.yaml"
PROSE = "The key idea is gradient clipping, applied before each update."
UNNORMALISED = "import math\n\n\ndef softmax(xs):\n    return [math.exp(x) for x in xs]\n"
FIXED = (
    "import math\n\n\ndef softmax(xs):\n    top = max(xs)\n    exps = [math.exp(x - top) for x in xs]\n"
    "    return [e / sum(exps) for e in exps]\n"
)
EXPLANATION = (
    "Subtract the maximum before exponentiating so nothing can overflow; one pass, O(n). A single element gives [1.0]."
)


def coding_bank() -> Bank:
    """The synthetic round bank plus the built-in softmax exercise (the phone screen's runnable question)."""
    softmax = next(q for p in load_files([(PACK, True)]).packs for q in p.questions if q.id == "softmax-stable")
    bank = make_bank()
    bank.add(Pack(id=softmax.pack, title="Coding", version="1", path=PACK, questions=(softmax,)))
    return bank


@pytest.fixture
def build_coding_app(clocks, tmp_path):
    def build(store: Store | None = None):
        clock, wall = clocks
        store = store or Store(tmp_path / "history.sqlite3", wall_clock=wall)
        return make_app(bank=coding_bank(), store=store, clock=clock, wall=wall, seed=7, keymap={}, cursor_blink=False)

    return build


async def to_code_screen(pilot) -> CodeScreen:
    """A phone screen from the home screen: five spoken questions, then the coding one."""
    await pilot.press("p")
    await pilot.press("ctrl+s")
    while isinstance(pilot.app.screen, QuestionScreen) and not isinstance(pilot.app.screen, CodeScreen):
        pilot.app.screen.query_one("#answer", TextArea).insert(PROSE)
        await pilot.press("ctrl+s")
        await pilot.press("enter")
    assert isinstance(pilot.app.screen, CodeScreen), type(pilot.app.screen)
    return pilot.app.screen


async def finish_run(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def table_results(screen: CodeScreen) -> list[str]:
    table = screen.query_one("#results", DataTable)
    return [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]


async def test_phone_screen_softmax_run_fix_submit(build_coding_app, tmp_path) -> None:
    app = build_coding_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        screen = await to_code_screen(pilot)
        assert screen.session.current.question.id == "softmax-stable"
        editor = screen.query_one("#code", TextArea)
        assert editor.text.startswith("def softmax(xs):")  # the starter
        editor.load_text(UNNORMALISED)
        await pilot.press("ctrl+t")
        await finish_run(pilot)
        assert table_results(screen) == ["failed", "failed", "failed"]
        assert "expected" in str(screen.query_one("#run-detail").content)
        editor.load_text(FIXED)
        await pilot.press("ctrl+t")  # re-runnable: each run is recorded
        await finish_run(pilot)
        assert table_results(screen) == ["passed"] * 3 and len(screen.draft.runs) == 2
        await pilot.press("f6")
        screen.query_one("#explanation", TextArea).insert(EXPLANATION)
        await pilot.press("ctrl+s")  # every case, hidden ones too
        await finish_run(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        cases = str(app.screen.query_one("#case-results").content)
        assert "6 of 6 cases passed, hidden ones included" in cases and cases.count("(hidden)") == 3
        assert "2 test runs before submitting" in str(app.screen.query_one("#run-history").content)
        result = app.screen.result
        assert result.score.value > 0.9 and result.coding.final.passed == 6
    store = Store(tmp_path / "history.sqlite3")
    (session, _count, _mean), *_ = store.sessions_page()
    attempt = next(a for a in store.attempts(session.id) if a.question_id.endswith("softmax-stable"))
    assert attempt.answer == FIXED
    coding = attempt.breakdown["coding"]
    assert len(coding["runs"]) == 2 and coding["final"]["submitted"] and coding["explanation"] == EXPLANATION


async def test_a_wrong_submission_shows_the_failing_hidden_case(build_coding_app) -> None:
    naive = (
        "import math\n\n\ndef softmax(xs):\n    exps = [math.exp(x) for x in xs]\n"
        "    return [e / sum(exps) for e in exps]\n"
    )
    app = build_coding_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_code_screen(pilot)
        screen.query_one("#code", TextArea).load_text(naive)
        await pilot.press("ctrl+s")
        await finish_run(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        text = str(app.screen.query_one("#case-results").content)
        assert "OverflowError" in text and "line 5" in text
        assert app.screen.result.score.value < 0.75


async def test_an_endless_loop_leaves_the_app_responsive_and_the_code_intact(build_coding_app, monkeypatch) -> None:
    monkeypatch.setattr(CodeScreen, "limits", Limits(case_seconds=0.3, run_seconds=1.0))
    endless = "def softmax(xs):\n    while True:\n        pass\n"
    app = build_coding_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_code_screen(pilot)
        editor = screen.query_one("#code", TextArea)
        editor.load_text(endless)
        await pilot.press("ctrl+t")
        assert screen.running == "run"
        await pilot.press("end", "x")  # typing goes on while the cases run
        assert editor.text.endswith("passx") or "x" in editor.text
        await finish_run(pilot)
        assert set(table_results(screen)) == {"timeout"}
        assert "while True" in editor.text and screen.running is None


async def test_runs_and_code_survive_a_quit_and_resume(build_coding_app, tmp_path) -> None:
    app = build_coding_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_code_screen(pilot)
        screen.query_one("#code", TextArea).load_text(FIXED)
        await pilot.press("ctrl+t")
        await finish_run(pilot)
        await pilot.press("ctrl+q")
    again = build_coding_app(Store(tmp_path / "history.sqlite3"))
    async with again.run_test(size=(120, 40)) as pilot:
        session_id = again.store.unfinished_session().id
        again.resume_round(session_id)
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, CodeScreen)
        assert screen.query_one("#code", TextArea).text == FIXED and len(screen.draft.runs) == 1
        assert table_results(screen) == ["passed"] * 3


async def test_the_clock_running_out_submits_the_code_through_the_runner(build_coding_app, clocks) -> None:
    clock, _ = clocks
    app = build_coding_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_code_screen(pilot)
        screen.query_one("#code", TextArea).load_text(FIXED)
        await pilot.pause()  # the editor's change reaches the draft
        clock.advance(31 * 60)
        screen.tick()
        await finish_run(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.overtime and app.screen.result.coding.final.passed == 6


def test_history_export_and_import_round_trip_the_runs(tmp_path) -> None:
    from interview.rounds import RoundSession, StoreRecorder

    store = Store(tmp_path / "a.sqlite3")
    bank = coding_bank()
    softmax = bank.question("coding-exercises/softmax-stable")
    session = RoundSession.start(phone_screen(), [[softmax]], StoreRecorder(store))
    from interview.coding import CodingDraft, run_exercise

    draft = CodingDraft(FIXED, EXPLANATION).with_run(run_exercise(softmax.code, FIXED))
    session.submit(draft.to_text())
    bundle = export_bundle(store)
    other = Store(tmp_path / "b.sqlite3")
    import_bundle(other, bundle)
    (row, _, _), *_ = other.sessions_page()
    coding = other.attempts(row.id)[0].breakdown["coding"]
    assert coding["final"]["cases"][0]["status"] == "passed" and len(coding["runs"]) == 1


async def _after_a_failing_run(pilot) -> None:
    screen = await to_code_screen(pilot)
    screen.query_one("#code", TextArea).load_text(UNNORMALISED)
    await pilot.pause()
    await pilot.press("ctrl+t")
    await finish_run(pilot)


async def _feedback_after_submitting(pilot) -> None:
    screen = await to_code_screen(pilot)
    screen.query_one("#code", TextArea).load_text(FIXED)
    await pilot.pause()
    await pilot.press("ctrl+s")
    await finish_run(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_code_screen_after_a_run(snap_compare, build_coding_app, size) -> None:
    assert snap_compare(build_coding_app(), terminal_size=size, run_before=_after_a_failing_run)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_coding_feedback(snap_compare, build_coding_app, size) -> None:
    assert snap_compare(build_coding_app(), terminal_size=size, run_before=_feedback_after_submitting)


async def test_history_and_a_coach_review_show_the_code_and_every_case(build_coding_app, tmp_path) -> None:
    from interview.tui.screens.history import open_attempt

    app = build_coding_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_code_screen(pilot)
        screen.query_one("#code", TextArea).load_text(FIXED)
        await pilot.pause()
        await pilot.press("ctrl+t")
        await finish_run(pilot)
        await pilot.press("ctrl+s")
        await finish_run(pilot)
    store = Store(tmp_path / "history.sqlite3")
    (session, _, _), *_ = store.sessions_page()
    attempt = next(a for a in store.attempts(session.id) if a.question_id.endswith("softmax-stable"))
    bundle = export_bundle(store)
    for viewer in (build_coding_app(store), make_app(bank=None, store=Store(":memory:"), read_only=True)):
        if viewer.read_only:  # a coach's review of the exported bundle: no packs loaded
            import_bundle(viewer.store, bundle)
            (row, _, _), *_ = viewer.store.sessions_page()
            attempt = next(a for a in viewer.store.attempts(row.id) if a.question_id.endswith("softmax-stable"))
        async with viewer.run_test(size=(120, 40)) as pilot:
            open_attempt(viewer, attempt)
            await pilot.pause()
            assert isinstance(viewer.screen, FeedbackScreen)
            assert "6 of 6 cases passed" in str(viewer.screen.query_one("#case-results").content)
            assert "1 test run before submitting" in str(viewer.screen.query_one("#run-history").content)
            assert "top = max(xs)" in str(viewer.screen.query_one("#your-code").content)
