"""`interview plan`: the daily queue to an interview date, FSRS tuned to it, and parameters fitted to the user."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from interview import locations
from interview.cli import main
from interview.progress.plan import (
    MIN_REVIEWS_TO_FIT,
    PEAK_RETENTION,
    Plan,
    daily_queue,
    desired_retention,
    fit_parameters,
    load_plan,
    save_plan,
    scheduler_options,
)
from interview.progress.schedule import review
from interview.store import AttemptRecord, Store
from tests.rounds_fixtures import make_bank

TODAY = date(2026, 11, 18)


def noon(day: date) -> float:
    return datetime(day.year, day.month, day.day, 12).astimezone().timestamp()


def test_retention_rises_toward_the_date() -> None:
    values = [desired_retention(d) for d in (120, 60, 30, 10, 1, 0)]
    assert values[0] == values[1] == 0.9
    assert values == sorted(values) and values[-1] == PEAK_RETENTION


def test_scheduler_options_cap_intervals_at_the_date_and_use_fitted_parameters() -> None:
    plan = Plan((TODAY + timedelta(days=10)).isoformat())
    options = scheduler_options(plan, datetime.combine(TODAY, datetime.min.time(), timezone.utc) + timedelta(hours=12))
    assert options["maximum_interval"] == 10 and options["desired_retention"] > 0.9
    assert "parameters" not in options
    assert scheduler_options(None, datetime.now(timezone.utc)) == {}


def test_a_review_under_a_plan_comes_back_before_the_interview() -> None:
    def last_due(store: Store) -> float:
        due = 0.0
        for offset in range(4):  # aced four days running: plain FSRS pushes the next review weeks out
            due = review(store, "p/q", 1.0, noon(TODAY + timedelta(days=offset)))
        return due

    interview_day = noon(TODAY + timedelta(days=6))
    assert last_due(Store(":memory:")) > interview_day + 7 * 86400
    save_plan(Plan((TODAY + timedelta(days=6)).isoformat()))
    assert last_due(Store(":memory:")) <= interview_day


def test_daily_queue_spreads_due_reviews_and_fills_with_weak_questions() -> None:
    store = Store(":memory:")
    plan = Plan((TODAY + timedelta(days=5)).isoformat(), minutes_per_day=9)  # 3 questions at 180 s
    start = noon(TODAY)
    overdue = [f"p/old{i}" for i in range(5)]
    for question_id in overdue:
        store.db.execute(
            "INSERT INTO review_cards (question_id, card, due, updated_at) VALUES (?, '{}', ?, 0)",
            (question_id, start - 5 * 86400),
        )
    store.db.execute(
        "INSERT INTO review_cards (question_id, card, due, updated_at) VALUES ('p/later', '{}', ?, 0)",
        (start + 3 * 86400,),
    )
    known = {*overdue, "p/later", "p/w1", "p/w2"}
    days = daily_queue(store, plan, TODAY, known, ["p/w1", "p/w2", "p/unknown"])
    assert [d.day for d in days] == [TODAY + timedelta(days=i) for i in range(5)]
    assert all(len(d.questions) <= 3 for d in days)
    assert days[0].due == overdue[:3] and days[0].weak == []
    assert days[1].due == overdue[3:] and days[1].weak == ["p/w1"]
    assert days[3].due == ["p/later"] and "p/unknown" not in {q for d in days for q in d.questions}
    assert daily_queue(store, Plan(TODAY.isoformat()), TODAY, known, []) == []


def synthetic_history(store: Store, questions: int, answers: int) -> None:
    rng = random.Random(4)
    session = store.create_session("drill", "practice", {})
    for q in range(questions):
        day = TODAY - timedelta(days=90)
        for _ in range(answers):
            score = rng.choice([0.2, 0.7, 0.9, 0.9])
            store.insert_attempt(
                AttemptRecord(session, 0, f"p/q{q}", "a/b", "x", score, "v", {}, "h", 60, submitted_at=noon(day))
            )
            day += timedelta(days=rng.choice([1, 2, 4, 7]))


def test_fit_needs_enough_reviews_then_reports_before_and_after() -> None:
    store = Store(":memory:")
    synthetic_history(store, questions=3, answers=4)
    fit, why = fit_parameters(store)
    assert fit is None and f"from {MIN_REVIEWS_TO_FIT}" in why
    synthetic_history(store, questions=40, answers=6)
    fit, why = fit_parameters(store)
    assert fit is not None, why
    assert len(fit.parameters) == 21 and fit.reviews >= MIN_REVIEWS_TO_FIT
    assert fit.log_loss_after <= fit.log_loss_before
    assert "log loss" in fit.describe()
    save_plan(Plan("2027-01-15", 30, fit))
    loaded = load_plan()
    assert loaded is not None and loaded.fit == fit
    options = scheduler_options(loaded, datetime(2027, 1, 1, tzinfo=timezone.utc))
    assert list(options["parameters"]) == fit.parameters


@pytest.fixture
def fixture_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("interview.cli_plan.load_bank_for", lambda ctx, packs: make_bank())


def test_plan_command_sets_shows_and_clears(fixture_bank: None) -> None:
    runner = CliRunner()
    future = (date.today() + timedelta(days=30)).isoformat()
    result = runner.invoke(main, ["plan", "--date", future, "--minutes-per-day", "30"])
    assert result.exit_code == 0, result.output
    assert "30 days left" in result.output and "today" in result.output
    data = json.loads(runner.invoke(main, ["plan", "--json"]).output)
    assert data["date"] == future and data["minutes_per_day"] == 30 and len(data["days"]) == 30
    assert json.loads(locations.plan_path().read_text())["date"] == future
    assert runner.invoke(main, ["plan", "--minutes-per-day", "60", "--json"]).exit_code == 0
    assert load_plan().minutes_per_day == 60
    assert "plan cleared" in runner.invoke(main, ["plan", "--clear"]).output
    assert load_plan() is None
    result = runner.invoke(main, ["plan"])
    assert result.exit_code == 2 and "--date" in result.output


@pytest.mark.parametrize("bad", ["2020-01-01", "15/01/2027", "soon"])
def test_plan_refuses_bad_dates(fixture_bank: None, bad: str) -> None:
    result = CliRunner().invoke(main, ["plan", "--date", bad])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_hand_broken_plan_file_is_no_plan() -> None:
    locations.plan_path().parent.mkdir(parents=True, exist_ok=True)
    locations.plan_path().write_text('{"date": "not a date"}')
    assert load_plan() is None
    store = Store(":memory:")
    assert review(store, "p/q", 0.9, noon(TODAY)) > noon(TODAY)  # answers still schedule
