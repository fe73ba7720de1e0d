"""Pausing a round, shared by the screens that ask questions (plain, staged)."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from interview.rounds import RoundSession


def pause_round(
    screen: Screen, session: RoundSession, save_draft: Callable[[], None], update_clock: Callable[[], None]
) -> None:
    """Stop the clock (practice rounds only), keep what was typed, and go on when the dialog closes."""
    from interview.tui.screens.dialogs import MessageDialog

    if not session.pause():
        screen.notify("Strict rounds cannot be paused." if not session.can_pause else "Cannot pause now.")
        return
    save_draft()

    def resumed(_: bool | None) -> None:
        session.resume()
        update_clock()

    screen.app.push_screen(MessageDialog("Paused", "The clock is stopped. Press enter to go on."), resumed)
