from __future__ import annotations

import time

import pytest

from interview.store import Store
from interview.tui.app import make_app
from tests.rounds_fixtures import FakeClock, make_bank


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch):
    """Dates on screen are local time; tests fix the zone so snapshots match on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.fixture(autouse=True)
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots are of a colour terminal, whatever runs the tests (CI without a tty may say TERM=dumb,
    which the app reads as NO_COLOR); tests of NO_COLOR set it themselves."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture
def clocks():
    return FakeClock(1000.0), FakeClock(1_795_000_000.0)


@pytest.fixture
def build_app(clocks, tmp_path):
    """The app as the CLI builds it, with a fixed bank, clocks, seed and a throwaway database."""

    def build(store: Store | None = None, **options):
        clock, wall = clocks
        store = store or Store(tmp_path / "history.sqlite3", wall_clock=wall)
        options.setdefault("keymap", {})
        options.setdefault("cursor_blink", False)  # a steady cursor from the first frame: stable snapshots
        return make_app(bank=make_bank(), store=store, clock=clock, wall=wall, seed=7, **options)

    return build
