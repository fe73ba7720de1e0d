"""Weak areas: mastery per area, score trend and daily practice, what is due, and "drill these"."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

from interview.store import Store
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.mastery import mastery_style
from interview.tui.widgets.prose import printable
from interview.tui.widgets.title_bar import TitleBar

DAYS = 30
HEATMAP_WEEKS = 26
# the glyph already tells the level (readable without colour); colour only adds to it
LEVEL_STYLES = ("dim", "green", "green", "bold green", "bold green")


def habit_text(store: Store, now: float) -> Text:
    """Days practised, current and longest streak, and the calendar heatmap of the last six months."""
    from datetime import date

    from interview.progress.streaks import LEVEL_GLYPHS, WEEKDAYS, heatmap, month_labels, streaks

    today = date.fromtimestamp(now)
    habit = streaks(store, today)
    text = Text("Practice ", style="bold")
    text.append(habit.describe() + "\n")
    text.append("    " + month_labels(today, HEATMAP_WEEKS) + "\n", style="dim")
    for name, row in zip(WEEKDAYS, heatmap(habit.per_day, today, HEATMAP_WEEKS), strict=True):
        text.append(f"{name:<4}", style="dim")
        for glyph, level, _ in row:
            text.append(glyph, style=LEVEL_STYLES[level])
        text.append("\n")
    text.append("    less ", style="dim")
    for level, glyph in enumerate(LEVEL_GLYPHS):
        text.append(glyph + " ", style=LEVEL_STYLES[level])
    text.append("more\n", style="dim")
    return text


class DashboardScreen(Screen[None]):
    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("dashboard")
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="dashboard.back"),
        Binding("d", "drill", "Drill these", id="dashboard.drill"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="dashboard-body"):
            yield Static(id="habit")
            yield Static(id="mastery")
            with Horizontal(id="plots"):
                yield PlotextPlot(id="trend")
                yield PlotextPlot(id="activity")
            yield Static(id="due")
        yield Footer()

    def on_mount(self) -> None:
        from interview.progress import mastery_by, weak_concepts

        self.sub_title = "Weak areas"
        store, now = self.app.store, self.app.wall()
        self.query_one("#habit", Static).update(habit_text(store, now))
        text = Text("Mastery by area (recent answers count more)\n", style="bold")
        areas = mastery_by(store, now)
        for area in areas:
            text.append(f"{area.name:<24}", style="bold" if area is areas[0] else "")
            text.append(
                "█" * round(area.mastery * 24) + "░" * (24 - round(area.mastery * 24)),
                style=mastery_style(area.mastery),
            )
            plural = "s" if area.attempts != 1 else ""
            text.append(f" {area.mastery:.2f}  {area.attempts} answer{plural}, confidence {area.confidence:.0%}\n")
        if not areas:
            text.append("No answers yet: finish a round and come back.\n", style="dim")
        concepts = weak_concepts(store, limit=6)
        if concepts:
            text.append("\nWhat you miss most\n", style="bold")
            for concept in concepts:
                text.append(f"• {printable(concept.explain())}\n")
        self.query_one("#mastery", Static).update(text)
        days = store.daily_activity(now - DAYS * 86400)
        trend = self.query_one("#trend", PlotextPlot).plt
        activity = self.query_one("#activity", PlotextPlot).plt
        trend.title("Mean score per day")
        activity.title("Answers per day")
        if days:
            labels = [day[5:] for day, _, _ in days]  # MM-DD
            positions = [float(x) for x in range(1, len(days) + 1)]
            trend.plot(positions, [mean for _, _, mean in days], marker="braille")
            trend.ylim(0, 1)
            trend.xticks(positions, labels)
            activity.bar(labels, [count for _, count, _ in days])
        due = store.due_questions(now, 1000)
        leeches = store.leeches()
        footer = Text(f"{len(due)} question{'s' if len(due) != 1 else ''} due for review today. ", style="bold")
        footer.append("Press d to drill them and your weakest questions.")
        for question_id, lapses, _ in leeches[:3]:
            footer.append(
                f"\nleech: {question_id} failed {lapses} times; reread its model answer first", style="yellow"
            )
        self.query_one("#due", Static).update(footer)

    def action_drill(self) -> None:
        if self.app.read_only:
            self.notify("This is a read-only review.")
            return
        while len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        self.app.start_round(self.app.weak_drill())
