"""The interview-date dialog: the same plan as `interview plan --date ... --minutes-per-day ...`."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from interview.tui.app import InterviewApp
from interview.tui.screens.dialogs import Dialog


class PlanDialog(Dialog[bool]):
    """Returns True when a plan was saved or cleared (the home screen then redraws its countdown)."""

    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel", id="plan.cancel")]
    app = getters.app(InterviewApp)

    def compose(self) -> ComposeResult:
        from interview.progress.plan import load_plan

        plan = load_plan()
        with Vertical(classes="dialog"):
            yield Static(Text("Plan to an interview date", style="bold"), classes="dialog-title")
            yield Static(
                "Reviews and weak areas are spread over the days left; FSRS aims higher as the date nears.",
                classes="dim",
            )
            yield Static("Interview date (YYYY-MM-DD)")
            yield Input(plan.date if plan else "", placeholder="2027-01-15", id="plan-date")
            yield Static("Minutes a day")
            yield Input(str(plan.minutes_per_day) if plan else "45", id="plan-minutes", type="integer")
            yield Static("", id="plan-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Remove plan", id="clear", disabled=plan is None)
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        from interview.progress.plan import Plan, fit_parameters, save_plan

        text = self.query_one("#plan-date", Input).value.strip()
        minutes_text = self.query_one("#plan-minutes", Input).value.strip()
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return self._error(f"{text or 'An empty date'} is not a date like 2027-01-15")
        today = date.fromtimestamp(self.app.wall())
        if day <= today:
            return self._error("The date must be in the future")
        if not minutes_text.isdigit() or not 5 <= int(minutes_text) <= 600:
            return self._error("Minutes a day: a whole number from 5 to 600")
        plan = Plan(day.isoformat(), int(minutes_text))
        if self.app.store is not None:
            plan.fit, _ = fit_parameters(self.app.store)
        save_plan(plan)
        self.dismiss(True)

    def _error(self, message: str) -> None:
        self.query_one("#plan-error", Static).update(Text(message, style="bold red"))

    @on(Button.Pressed, "#clear")
    def clear(self) -> None:
        from interview.progress.plan import clear_plan

        clear_plan()
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(False)
