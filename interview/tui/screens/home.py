"""Home: start a round, resume an unfinished one, recent sessions and weak areas at a glance."""

from __future__ import annotations

import time

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from interview.tui.widgets.evidence import mastery_style
from interview.tui.widgets.prose import printable
ROUND_CHOICES = [
    ("phone", "Phone screen", "6 questions, 30 minutes"),
    ("onsite", "Onsite loop", "breadth, depth, design, coding, behavioral; 45 min each"),
    ("take-home", "Take-home case", "one case study, effort limit and deadline"),
    ("drill", "Drill", "weakest and least-practised questions first"),
    ("custom", "Custom round", "your packs, topics, difficulty and time"),
]


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("p", "setup('phone')", "Phone", id="home.phone"),
        Binding("o", "setup('onsite')", "Onsite", id="home.onsite"),
        Binding("t", "setup('take-home')", "Take-home", id="home.take_home"),
        Binding("d", "setup('drill')", "Drill", id="home.drill"),
        Binding("c", "setup('custom')", "Custom", id="home.custom"),
        Binding("r", "resume", "Resume", id="home.resume"),
        Binding("h", "app.history", "History", id="home.history"),
        Binding("w", "app.dashboard", "Weak areas", id="home.dashboard"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-body"):
            with Vertical(id="home-menu"):
                yield Static(Text("Start a round", style="bold"), classes="section-title")
                yield OptionList(id="rounds")
                yield Static(id="resume-note")
            with Vertical(id="home-side"):
                yield Static(Text("Recent sessions", style="bold"), classes="section-title")
                yield Static(id="recent")  # a plain table: DataTable's cost is not worth it on the first screen
                yield Static(Text("Weak areas", style="bold"), classes="section-title")
                yield Static(id="weak")
        yield Static(id="bank-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        app = self.app
        options = self.query_one("#rounds", OptionList)
        options.clear_options()
        unfinished = app.store.unfinished_session() if app.store else None
        if unfinished:
            options.add_option(Option(Text(f"Resume {unfinished.kind} round", style="bold"), id="resume"))
        for kind, title, detail in ROUND_CHOICES:
            options.add_option(Option(Text.assemble((title, "bold"), "\n  ", (detail, "dim")), id=kind))
        self.query_one("#resume-note", Static).update(
            Text("An unfinished round is waiting: press r to resume it.", style="italic") if unfinished else "")
        recent = app.store.sessions_page(0, 8) if app.store else []
        table = Table("when", "round", "answers", "score", "status", box=None, header_style="bold", expand=True)
        for session, answers, mean in recent:
            when = time.strftime("%d %b %H:%M", time.localtime(session.started_at))
            table.add_row(when, session.kind, str(answers), "-" if mean is None else f"{mean:.2f}", session.status)
        self.query_one("#recent", Static).update(table if recent else Text("No sessions yet.", style="dim"))
        self.query_one("#weak", Static).update(self._weak_spots())
        if app.bank is None:
            self.query_one("#bank-summary", Static).update(Text("Loading question packs…", style="dim"))
            return
        count = sum(len(p.questions) for p in app.bank.packs)
        summary = Text(f"{len(app.bank.packs)} packs, {count} questions", style="dim")
        for skipped in app.bank.skipped:  # pack text is data: rendered literally, never as markup
            summary.append(f"\nskipped {printable(str(skipped.errors[0]))}", style="red")
        self.query_one("#bank-summary", Static).update(summary)

    def _weak_spots(self) -> Text:
        from interview.progress import mastery_by, weak_concepts

        store = self.app.store
        areas = mastery_by(store, self.app.wall())[:4] if store else []
        if not areas:
            return Text("Nothing yet: finish a round to see your weak spots.", style="dim")
        lines = Text()
        for area in areas:
            lines.append(f"{area.mastery:.2f}  ", style=mastery_style(area.mastery))
            lines.append(f"{area.name} ({area.attempts} answer{'s' if area.attempts != 1 else ''})\n")
        for concept in weak_concepts(store, limit=3):
            lines.append(f"• {printable(concept.explain())}\n", style="dim")
        due = len(store.due_questions(self.app.wall()))
        if due:
            lines.append(f"{due} question{'s' if due != 1 else ''} due for review: press d", style="bold")
        return lines

    @on(OptionList.OptionSelected, "#rounds")
    def choose_round(self, event: OptionList.OptionSelected) -> None:
        if event.option_id == "resume":
            self.action_resume()
        elif event.option_id:
            self.action_setup(event.option_id)

    def action_setup(self, kind: str) -> None:
        from interview.tui.screens.setup import RoundSetupScreen

        self.app.push_screen(RoundSetupScreen(kind))

    def action_resume(self) -> None:
        unfinished = self.app.store.unfinished_session() if self.app.store else None
        if unfinished is None:
            self.notify("There is no unfinished round to resume.")
            return
        self.app.resume_round(unfinished.id)
