"""Snapshot tests: every screen at 80x24 and 120x40, with frozen clocks and fixed data.

Update after an intended change with:  .venv/bin/python -m pytest tests/tui --snapshot-update
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from interview.tui.app import InterviewApp

SIZES = [(80, 24), (120, 40)]
ANSWER = "The key idea is gradient clipping. I would clip the norm before each update; [bold] stays literal."


async def settled(pilot) -> None:
    """The app is built with cursor_blink=False (conftest), so nothing is left to switch off here."""
    await pilot.pause()


async def to_question(pilot, key: str = "p") -> None:
    await pilot.press(key)
    await pilot.press("ctrl+s")
    await settled(pilot)


async def to_feedback(pilot) -> None:
    await to_question(pilot)
    pilot.app.screen.query_one("#answer", TextArea).insert(ANSWER)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def to_summary(pilot) -> None:
    await pilot.press("d")
    await pilot.press("ctrl+s")
    for _ in range(5):
        pilot.app.screen.query_one("#answer", TextArea).insert(ANSWER)
        await pilot.press("ctrl+s")
        await pilot.press("enter")
    await pilot.pause()


async def to_break(pilot) -> None:
    await pilot.press("o")
    await pilot.press("ctrl+s")
    for _ in range(3):
        await pilot.press("ctrl+n")
        await pilot.press("enter")
    await pilot.pause()


async def to_help(pilot) -> None:
    await pilot.press("f1")
    await pilot.pause()


async def to_setup(pilot) -> None:
    await pilot.press("c")
    await settled(pilot)


SCREENS = {
    "home": settled,
    "setup": to_setup,
    "question": to_question,
    "question_take_home": lambda pilot: to_question(pilot, "t"),
    "feedback": to_feedback,
    "break": to_break,
    "summary": to_summary,
    "help": to_help,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, build_app, screen: str, size: tuple[int, int]) -> None:
    assert snap_compare(build_app(), terminal_size=size, run_before=SCREENS[screen])


def test_light_theme(snap_compare, build_app) -> None:
    async def light(pilot) -> None:
        await pilot.press("f2")
        await to_feedback(pilot)

    assert snap_compare(build_app(), terminal_size=(120, 40), run_before=light)


async def test_no_cursor_blinks_from_the_first_frame(build_app) -> None:
    """Switched off after the first frame, a blink that had already fired left snapshots without a cursor."""
    app: InterviewApp = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for keys in (("c",), ("escape", "p", "ctrl+s")):
            await pilot.press(*keys)
            editors = [*app.screen.query(TextArea), *app.screen.query(Input)]
            assert editors and not any(editor.cursor_blink for editor in editors)
