"""Every key, read from the bindings themselves so the list cannot go stale."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.tui.app import InterviewApp
from interview.tui.screens.breaktime import BreakScreen
from interview.tui.screens.dashboard import DashboardScreen
from interview.tui.screens.debrief import DebriefScreen
from interview.tui.screens.dialogs import Dialog
from interview.tui.screens.feedback import FeedbackScreen
from interview.tui.screens.history import HistoryScreen, QuestionHistoryScreen, SessionScreen
from interview.tui.screens.home import HomeScreen
from interview.tui.screens.question import QuestionScreen
from interview.tui.screens.setup import RoundSetupScreen
from interview.tui.screens.stage import StageScreen
from interview.tui.screens.summary import SummaryScreen

SCREENS = [
    ("Everywhere", None),
    ("Home", HomeScreen),
    ("Round setup", RoundSetupScreen),
    ("Answering", QuestionScreen),
    ("A staged design question", StageScreen),
    ("Feedback", FeedbackScreen),
    ("Break", BreakScreen),
    ("Summary", SummaryScreen),
    ("Debrief", DebriefScreen),
    ("History", HistoryScreen),
    ("A session", SessionScreen),
    ("One question over time", QuestionHistoryScreen),
    ("Weak areas", DashboardScreen),
]


class HelpScreen(Dialog[None]):
    app = getters.app(InterviewApp)  # typed: key_for is this app's
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        text = Text()
        for title, screen in SCREENS:
            bindings = self.app.BINDINGS if screen is None else screen.BINDINGS
            text.append(f"{title}\n", style="bold")
            for binding in bindings:
                if isinstance(binding, Binding):
                    key = self.app.key_for(binding)
                    text.append(f"  {key:<18}", style="bold cyan")
                    text.append(f"{binding.description}")
                    text.append(f"   [{binding.id}]\n" if binding.id else "\n", style="dim")
        text.append("\nRemap any key in config.toml under [keymap], by the id in brackets, e.g.\n", style="dim")
        text.append('  [keymap]\n  question.submit = "f5"\n', style="dim")
        text.append("ctrl+p opens the command palette: start rounds, change theme.", style="dim")
        with VerticalScroll(classes="dialog", id="help-body"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(text)
