"""A break between onsite sessions."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from interview.rounds import RoundSession
from interview.rounds.summary import summarize
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.title_bar import TitleBar


class BreakScreen(Screen[None]):
    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("breaktime")
    BINDINGS = [Binding("enter", "continue", "Next session", id="break.continue")]

    def __init__(self, session: RoundSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        session = self.session
        done = session.spec.stages[session.current.stage]
        upcoming = session.spec.stages[session.items[session.position + 1].stage]
        summary = summarize(session)
        scores = dict((name, mean) for name, mean, _ in summary.by_stage)
        yield TitleBar()
        with Vertical(id="break-body"):
            yield Static(Text(f"{done.name} is over", style="bold"))
            yield Static(
                Text(
                    f"That session: {scores.get(done.name, 0):.2f}. Take up to {done.break_minutes:g} minutes: "
                    f"stand up, drink some water."
                )
            )
            yield Static(
                Text(f"Next: {upcoming.name}, {upcoming.minutes:g} minutes. Press enter when ready.", style="bold")
            )
        yield Footer()

    def action_continue(self) -> None:
        self.session.advance()
        self.app.show_round(self.session)
