"""Round setup: strict or practice, and for drills and custom rounds what to ask."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, SelectionList, Static, Switch

from interview.rounds.formats import PRACTICE, STRICT, RoundKind, RoundSpec, custom
from interview.rounds.kinds import kind_info
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.steady import steady
from interview.tui.widgets.title_bar import TitleBar


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
        self.info = kind_info(kind)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="setup-body"):
            yield Static(Text(self.info.description), id="setup-description")
            with Horizontal(classes="setup-row"):
                yield Label("Strict mode (no pausing, feedback only at the end)")
                yield Switch(value=False, id="strict", disabled=not self.info.strict_allowed)
            if self.info.probing is not None:  # probing: on by default in onsite, optional in phone
                with Horizontal(classes="setup-row"):
                    yield Label("Probe each missed required concept (half credit back at most)")
                    yield Switch(value=self.info.probing, id="probing")
            if self.info.counted:
                with Horizontal(classes="setup-row"):
                    yield Label("Questions")
                    yield steady(Input("5", id="count", type="integer", max_length=3), self.app.cursor_blink)
                with Horizontal(classes="setup-row"):
                    label = (
                        "Seconds per question (blank: untimed)"
                        if self.kind == RoundKind.DRILL
                        else "Minutes in total (blank: untimed)"
                    )
                    yield Label(label)
                    yield steady(Input("", id="minutes", type="number", max_length=5), self.app.cursor_blink)
            if self.kind == RoundKind.CUSTOM:
                areas = sorted({q.area for q in self.app.bank.questions}) if self.app.bank else []
                yield Label("Topic areas (none selected: all)")
                yield SelectionList[str](*[(area, area) for area in areas], id="areas")
                yield Label("Difficulty (none selected: all)")
                yield SelectionList[int](("1 easy", 1), ("2 medium", 2), ("3 hard", 3), id="difficulty")
            yield Button("Start", variant="primary", id="start")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.info.title
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
        spec: RoundSpec
        if not self.info.counted:
            spec = self.info.spec(mode)
            if self.info.probing is not None:
                spec = replace(spec, probing=self.query_one("#probing", Switch).value)
        else:
            count = max(1, min(50, int(self._number("#count") or 5)))
            timer = self._number("#minutes")
            if self.kind == RoundKind.DRILL:
                spec = self.app.practice.weak_drill(count, timer)
            else:
                areas = tuple(self.query_one("#areas", SelectionList).selected)
                levels = tuple(self.query_one("#difficulty", SelectionList).selected)
                spec = custom(count, timer, topics=areas, difficulties=levels, mode=mode)
        self.app.pop_screen()
        self.app.start_round(spec)
