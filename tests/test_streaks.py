"""Streaks and the calendar heatmap: from the days answered, in `interview stats` too."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from interview import locations
from interview.cli import main
from interview.progress.streaks import LEVEL_GLYPHS, heatmap, heatmap_text, level, streaks, streaks_from
from interview.store import AttemptRecord, Store

TODAY = date(2026, 11, 18)  # a Wednesday


def days(*offsets: int, count: int = 1) -> dict[date, int]:
    return {TODAY - timedelta(days=o): count for o in offsets}


@pytest.mark.parametrize(
    ("practised", "current", "longest", "today_done"),
    [
        ((), 0, 0, False),
        ((0,), 1, 1, True),
        ((1, 2, 3), 3, 3, False),  # yesterday's streak is alive until today ends
        ((0, 1, 2, 5, 6, 7, 8), 3, 4, True),
        ((2, 3), 0, 2, False),  # a day missed: the streak is over
    ],
)
def test_streaks(practised: tuple[int, ...], current: int, longest: int, today_done: bool) -> None:
    result = streaks_from(days(*practised), TODAY)
    assert (result.days_practised, result.current, result.longest, result.today_done) == (
        len(practised),
        current,
        longest,
        today_done,
    )


def test_heatmap_grid_levels_and_future_days() -> None:
    per_day = {**days(0, count=8), **days(1, count=1), **days(7, count=4)}
    grid = heatmap(per_day, TODAY, weeks=4)
    assert len(grid) == 7 and all(len(row) == 4 for row in grid)
    wednesday, tuesday = grid[2], grid[1]
    assert wednesday[-1] == (LEVEL_GLYPHS[4], 4, TODAY)
    assert tuesday[-1][1] == 1 and wednesday[-2][1] == level(4, 8) == 2
    assert grid[3][-1] == (" ", 0, None)  # Thursday has not happened yet
    text = heatmap_text(per_day, TODAY, weeks=4)
    assert text.splitlines()[3].startswith("Wed ") and "less" in text


def test_streaks_from_the_store_use_local_days(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    store = Store(":memory:")
    session = store.create_session("drill", "practice", {})
    noon = 1_795_000_000 - 1_795_000_000 % 86400 + 43200
    for day_back in (0, 1, 3):
        when = noon - day_back * 86400
        store.insert_attempt(
            AttemptRecord(session, 0, "p/q", "a/b", "x", 0.5, "partial", {}, "h", 1, submitted_at=when)
        )
    today = date.fromtimestamp(noon)
    result = streaks(store, today)
    assert (result.days_practised, result.current, result.longest) == (3, 2, 2)


def test_stats_shows_streaks_and_heatmap() -> None:
    from tests.history_fixtures import played_store

    locations.database_path().parent.mkdir(parents=True, exist_ok=True)
    played_store(locations.database_path())
    data = json.loads(CliRunner().invoke(main, ["stats", "--json"]).output)
    assert data["streaks"]["days_practised"] >= 1 and data["streaks"]["answers_per_day"]
    text = CliRunner().invoke(main, ["stats"]).output
    assert "days practised" in text and "longest" in text and "Mon " in text
