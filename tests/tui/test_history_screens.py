"""Pilot and snapshot tests for the history browser, the dashboard and read-only review."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from interview.tui.app import make_app
from interview.tui.screens.dashboard import DashboardScreen
from interview.tui.screens.feedback import FeedbackScreen
from interview.tui.screens.history import HistoryScreen, QuestionHistoryScreen, SessionScreen
from tests.history_fixtures import played_store
from tests.rounds_fixtures import FakeClock, make_bank


def history_app(read_only: bool = False):
    return make_app(
        bank=make_bank(),
        store=played_store(),
        clock=FakeClock(),
        wall=FakeClock(1_795_100_000.0),
        keymap={},
        seed=7,
        read_only=read_only,
    )


async def test_history_browse_open_and_compare() -> None:
    app = history_app()
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#sessions", DataTable).row_count == 3
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, FeedbackScreen) and app.screen.read_only
        await pilot.press("escape")
        await pilot.press("a")
        assert isinstance(app.screen, QuestionHistoryScreen)
        assert app.screen.query_one("#question-attempts", DataTable).row_count >= 1


async def test_history_filters_by_round() -> None:
    app = history_app()
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("h")
        app.screen.query_one("#kind").value = "drill"
        await pilot.pause()
        assert app.screen.query_one("#sessions", DataTable).row_count == 1


async def test_dashboard_and_drill_these() -> None:
    app = history_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, DashboardScreen)
        assert "Mastery by area" in str(app.screen.query_one("#mastery").content)
        habit = str(app.screen.query_one("#habit").content)
        assert "days practised" in habit and "longest" in habit and "Wed " in habit
        expected = app.weak_drill().question_ids
        await pilot.press("d")
        assert app.screen.session.items[0].question.full_id == expected[0]


async def test_review_mode_is_read_only() -> None:
    app = history_app(read_only=True)
    async with app.run_test(size=(110, 36)) as pilot:
        assert isinstance(app.screen, HistoryScreen)
        app.start_round(app.weak_drill())
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_rescore_shows_both_scores_when_the_rubric_changed() -> None:
    store = played_store()
    store.db.execute("UPDATE attempts SET rubric_hash = 'old'")
    app = make_app(bank=make_bank(), store=store, clock=FakeClock(), wall=FakeClock(1_795_100_000.0), keymap={})
    async with app.run_test(size=(110, 36)) as pilot:
        question_id = store.attempts(1)[0].question_id
        app.push_screen(QuestionHistoryScreen(question_id))
        await pilot.pause()
        assert "older rubric" in str(app.screen.query_one("#rescore-note").content)
        await pilot.press("r")
        table = app.screen.query_one("#question-attempts", DataTable)
        assert table.get_row_at(0)[-1] != ""  # today's score shown beside the original


SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "keys",
    [(), ("h",), ("h", "enter"), ("h", "enter", "a"), ("w",)],
    ids=["home_with_history", "history", "session", "question_history", "dashboard"],
)
def test_snapshots(snap_compare, keys, size, utc) -> None:
    assert snap_compare(history_app(), terminal_size=size, press=list(keys))


async def test_home_fills_in_weak_areas_after_its_first_frame_and_offers_resume_only_when_there_is_one() -> None:
    from textual.widgets import Static

    from interview.tui.screens.home import HomeScreen

    app = history_app()
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        weak = str(home.query_one("#weak", Static).render())
        assert "answer" in weak and "Nothing yet" not in weak  # mastery lines from the played history
        assert home.check_action("resume", ()) is False  # every played round finished
        await pilot.press("r")
        assert app.screen is home
