"""Round setup: strict or practice, and for drills and custom rounds what to ask."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, SelectionList, Static, Switch

from interview.rounds.formats import PRACTICE, STRICT, custom, onsite_loop, phone_screen, take_home
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.steady import steady
from interview.tui.widgets.title_bar import TitleBar

DESCRIPTIONS = {
    "phone": "One background question, four ML concept questions (fundamentals, statistics, algorithms, "
    "evaluation) and one coding-concept question, in 30 minutes.",
    "onsite": "Five 45-minute sessions: ML breadth, ML depth, ML system design, coding and behavioral, "
    "with a break between sessions and a loop summary at the end.",
    "take-home": "One case study with a dataset and deliverables. Write your answer here or submit a file "
    "(.md, .txt, .py, .ipynb). Effort limit 4 hours inside a 72-hour window that survives restarts.",
    "drill": "Questions due for review first, then your weakest ones (unseen ones when you have no history). "
    "Untimed unless you set a per-question timer.",
    "custom": "Choose topic areas, difficulty, number of questions and time.",
}


class RoundSetupScreen(Screen[None]):
    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("setup")
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="setup.back"),
        Binding("ctrl+s", "start", "Start", id="setup.start"),
    ]

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="setup-body"):
            yield Static(Text(DESCRIPTIONS[self.kind]), id="setup-description")
            with Horizontal(classes="setup-row"):
                yield Label("Strict mode (no pausing, feedback only at the end)")
                yield Switch(value=False, id="strict", disabled=self.kind == "drill")
            if self.kind in ("phone", "onsite"):  # probing: on by default in onsite, optional in phone
                with Horizontal(classes="setup-row"):
                    yield Label("Probe each missed required concept (half credit back at most)")
                    yield Switch(value=self.kind == "onsite", id="probing")
            if self.kind in ("drill", "custom"):
                with Horizontal(classes="setup-row"):
                    yield Label("Questions")
                    yield steady(Input("5", id="count", type="integer", max_length=3), self.app.cursor_blink)
                with Horizontal(classes="setup-row"):
                    label = (
                        "Seconds per question (blank: untimed)"
                        if self.kind == "drill"
                        else "Minutes in total (blank: untimed)"
                    )
                    yield Label(label)
                    yield steady(Input("", id="minutes", type="number", max_length=5), self.app.cursor_blink)
            if self.kind == "custom":
                areas = sorted({q.area for q in self.app.bank.questions}) if self.app.bank else []
                yield Label("Topic areas (none selected: all)")
                yield SelectionList[str](*[(area, area) for area in areas], id="areas")
                yield Label("Difficulty (none selected: all)")
                yield SelectionList[int](("1 easy", 1), ("2 medium", 2), ("3 hard", 3), id="difficulty")
            yield Button("Start", variant="primary", id="start")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = {
            "phone": "Phone screen",
            "onsite": "Onsite loop",
            "take-home": "Take-home",
            "drill": "Drill",
            "custom": "Custom round",
        }[self.kind]
        self.query_one("#start", Button).focus()

    def _number(self, widget_id: str) -> float | None:
        try:
            value = float(self.query_one(widget_id, Input).value)
        except ValueError:
            return None
        return value if value > 0 else None

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        mode = STRICT if self.query_one("#strict", Switch).value else PRACTICE
        if self.kind == "phone":
            spec = phone_screen(mode, probing=self.query_one("#probing", Switch).value)
        elif self.kind == "onsite":
            spec = onsite_loop(mode, probing=self.query_one("#probing", Switch).value)
        elif self.kind == "take-home":
            spec = take_home(mode)
        else:
            count = max(1, min(50, int(self._number("#count") or 5)))
            timer = self._number("#minutes")
            if self.kind == "drill":
                spec = self.app.weak_drill(count, timer)
            else:
                areas = tuple(self.query_one("#areas", SelectionList).selected)
                levels = tuple(self.query_one("#difficulty", SelectionList).selected)
                spec = custom(count, timer, topics=areas, difficulties=levels, mode=mode)
        self.app.pop_screen()
        self.app.start_round(spec)
