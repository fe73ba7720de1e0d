"""NO_COLOR=1 and TERM=dumb: home and feedback read in black and white, with any theme."""

from __future__ import annotations

import pytest
from textual.filter import Monochrome, NoColor

from tests.tui.test_snapshots import SIZES, settled, to_feedback


@pytest.fixture
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


def colour_filters(app) -> list[type]:
    return [type(f) for f in app._filters if isinstance(f, (Monochrome, NoColor))]


async def test_an_ansi_theme_under_no_color_is_not_black_on_black(no_color: None, build_app) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color and colour_filters(app) == [Monochrome]
        app.theme = "ansi-dark"
        await pilot.pause()
        # Monochrome maps ANSI colours to black; the terminal's own colours are what NO_COLOR means there
        assert colour_filters(app) == [NoColor]
        app.theme = "textual-dark"
        await pilot.pause()
        assert colour_filters(app) == [Monochrome]


async def test_term_dumb_means_no_color(monkeypatch: pytest.MonkeyPatch, build_app) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    app = build_app()
    async with app.run_test(size=(80, 24)):
        assert app.no_color and colour_filters(app) == [Monochrome]


async def test_colour_stays_without_no_color(monkeypatch: pytest.MonkeyPatch, build_app) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    app = build_app()
    async with app.run_test(size=(80, 24)):
        assert not app.no_color and colour_filters(app) == []


async def ansi_theme(pilot) -> None:
    pilot.app.theme = "ansi-dark"
    await settled(pilot)


async def ansi_feedback(pilot) -> None:
    pilot.app.theme = "ansi-dark"
    await to_feedback(pilot)


SCREENS = {"home": settled, "feedback": to_feedback, "home_ansi": ansi_theme, "feedback_ansi": ansi_feedback}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_snapshot_under_no_color(snap_compare, no_color: None, build_app, screen: str, size: tuple[int, int]) -> None:
    assert snap_compare(build_app(), terminal_size=size, run_before=SCREENS[screen])
