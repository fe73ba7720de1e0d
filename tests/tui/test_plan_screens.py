"""The interview date in the app: the dialog, the home countdown, and the drill following the plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input, Static

from interview.progress.plan import Plan, load_plan, save_plan
from interview.tui.screens.home import HomeScreen
from interview.tui.screens.plan import PlanDialog
from tests.tui.test_snapshots import SIZES, settled

WALL_DAY = date(2026, 11, 18)  # the conftest wall clock, 1_795_000_000 in UTC


async def test_plan_dialog_saves_a_plan_and_home_counts_down(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, PlanDialog)
        app.screen.query_one("#plan-date", Input).value = "2026-11-10"
        await pilot.click("#save")
        assert "future" in str(app.screen.query_one("#plan-error", Static).content)
        assert load_plan() is None
        app.screen.query_one("#plan-date", Input).value = "2026-12-18"
        app.screen.query_one("#plan-minutes", Input).value = "30"
        app.screen.query_one("#plan-minutes", Input).focus()
        await pilot.press("enter")  # enter in a field saves too (the button ignores a second click this soon)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), str(app.screen.query_one("#plan-error", Static).content)
        plan = load_plan()
        assert plan is not None and (plan.date, plan.minutes_per_day) == ("2026-12-18", 30)
        note = app.screen.query_one("#plan-note", Static)
        assert note.display and "Interview in 30 days" in str(note.content)


async def test_the_drill_follows_todays_plan(build_app) -> None:
    app = build_app()
    store = app.store
    overdue = "t/coding-dsa-1"
    store.db.execute(
        "INSERT INTO review_cards (question_id, card, due, updated_at) VALUES (?, '{}', ?, 0)",
        (overdue, app.wall() - 86400),
    )
    save_plan(Plan((WALL_DAY + timedelta(days=20)).isoformat(), 30))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.weak_drill().question_ids[0] == overdue
        assert "1 question in your plan" in str(app.screen.query_one("#plan-note", Static).content)


async def test_clearing_the_plan_from_the_dialog(build_app) -> None:
    save_plan(Plan((WALL_DAY + timedelta(days=3)).isoformat()))
    app = build_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("i")
        await pilot.click("#clear")
        await pilot.pause()
        assert load_plan() is None and not app.screen.query_one("#plan-note", Static).display


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_home_with_a_plan(snap_compare, build_app, size) -> None:
    save_plan(Plan((WALL_DAY + timedelta(days=45)).isoformat(), 45))
    assert snap_compare(build_app(), terminal_size=size, run_before=settled)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_plan_dialog(snap_compare, build_app, size) -> None:
    save_plan(Plan((WALL_DAY + timedelta(days=45)).isoformat(), 45))

    async def open_dialog(pilot) -> None:
        await pilot.press("i")
        await settled(pilot)

    assert snap_compare(build_app(), terminal_size=size, run_before=open_dialog)
