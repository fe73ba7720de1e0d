"""Home: start a round, resume an unfinished one, recent sessions and weak areas at a glance."""

from __future__ import annotations

import time
from typing import NamedTuple

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from interview.rounds.kinds import ROUND_KINDS
from interview.tui.app import InterviewApp
from interview.tui.messages import BankLoaded, HistoryReplaced
from interview.tui.styles import screen_css
from interview.tui.widgets.mastery import mastery_style
from interview.tui.widgets.prose import printable
from interview.tui.widgets.round_menu import RoundMenu
from interview.tui.widgets.title_bar import TitleBar


class HomeData(NamedTuple):
    """What the home screen shows, as plain values: comparing two tells what to redraw."""

    unfinished: str | None  # the kind of round waiting to be resumed
    recent: list[tuple]
    areas: list[tuple[float, str, int]] | None  # None until read, just after the first frame
    concepts: list[str] | None
    due: int | None
    bank_loaded: bool
    countdown: str = ""  # with an interview date (interview plan)
    planned: int | None = None  # today's questions in the plan


class HomeScreen(Screen[None]):
    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("home")
    BINDINGS = [
        # the round keys are shown in the menu itself, which leaves the footer room at 80 columns
        *(Binding(k.key, f"setup('{k.id}')", k.short, id=k.binding_id, show=False) for k in ROUND_KINDS),
        Binding("r", "resume", "Resume", id="home.resume"),
        Binding("h", "app.history", "History", id="home.history"),
        Binding("w", "app.dashboard", "Weak areas", id="home.dashboard"),
        Binding("i", "app.plan", "Interview date", id="home.plan", show=False),  # in f1 and the palette
    ]

    def compose(self) -> ComposeResult:
        # Built with its data, so the first frame is the finished screen and no second layout pass follows,
        # except for the weak areas: with years of history they are the one slow read (about 25 ms at
        # 100,000 answers), so they fill in on the frame after the first.
        data = self._shown = self._data(weak_spots=False)
        yield TitleBar()
        with Horizontal(id="home-body"):
            with Vertical(id="home-menu"):
                yield Static(Text("Start a round", style="bold"), classes="section-title")
                yield RoundMenu(self._round_options(data.unfinished), id="rounds")
                yield Static(self._resume_note(data.unfinished), id="resume-note")
                yield Static(self._plan_note(data), id="plan-note").set_styles(
                    f"display: {'block' if data.countdown else 'none'};"
                )
            with Vertical(id="home-side"):
                yield Static(Text("Recent sessions", style="bold"), classes="section-title")
                # plain text columns: a DataTable or Rich Table costs too much on the first frame
                yield Static(self._recent_table(data.recent), id="recent")
                yield Static(Text("Weak areas", style="bold"), classes="section-title")
                yield Static(id="weak")
        yield Static(self._bank_summary(), id="bank-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.refresh_data)

    def on_bank_loaded(self, _: BankLoaded) -> None:
        self.refresh_data()

    def on_history_replaced(self, _: HistoryReplaced) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        if self._shown.areas is not None:  # not the first showing, which on_mount completes
            self.refresh_data()

    def refresh_data(self) -> None:
        """Back from a round, or the packs have loaded: redraw only the parts whose data changed."""
        data = self._data()
        shown, self._shown = self._shown, data
        if data.unfinished != shown.unfinished:
            self.refresh_bindings()
            self.query_one("#rounds", RoundMenu).set_choices(self._round_options(data.unfinished))
            self.query_one("#resume-note", Static).update(self._resume_note(data.unfinished))
        if data.recent != shown.recent:
            self.query_one("#recent", Static).update(self._recent_table(data.recent))
        if (data.areas, data.concepts, data.due) != (shown.areas, shown.concepts, shown.due):
            self.query_one("#weak", Static).update(self._weak_spots(data))
        if (data.countdown, data.planned) != (shown.countdown, shown.planned):
            note = self.query_one("#plan-note", Static)
            note.update(self._plan_note(data))
            note.display = bool(data.countdown)
        if data.bank_loaded != shown.bank_loaded:
            self.query_one("#bank-summary", Static).update(self._bank_summary())

    def _data(self, weak_spots: bool = True) -> HomeData:
        app, store = self.app, self.app.store
        unfinished = store.unfinished_session()
        recent = [(s.started_at, s.kind, answers, mean, s.status) for s, answers, mean in store.sessions_page(0, 8)]
        areas = concepts = due = None
        if weak_spots:
            from interview.progress import mastery_by, weak_concepts

            areas = [(a.mastery, a.name, a.attempts) for a in mastery_by(store, app.wall())[:4]]
            concepts = [c.explain() for c in weak_concepts(store, limit=3)] if areas else []
            due = len(store.due_questions(app.wall())) if areas else 0
        countdown, planned = self._plan(weak_spots)
        return HomeData(
            unfinished.kind if unfinished else None,
            recent,
            areas,
            concepts,
            due,
            app.bank is not None,
            countdown,
            planned,
        )

    def _plan(self, with_queue: bool) -> tuple[str, int | None]:
        """The countdown (a small file read) on the first frame; today's queue with the weak areas."""
        from interview import locations

        if not locations.plan_path().is_file():  # no plan: not even the planning module on the first frame
            return "", None
        from interview.progress.plan import countdown, load_plan, todays_questions

        plan = load_plan()
        if plan is None:
            return "", None
        planned = None
        if with_queue and self.app.bank is not None and self.app.store is not None:
            known = {q.full_id for q in self.app.bank.questions}
            planned = len(todays_questions(self.app.store, known, self.app.wall()))
        return countdown(plan, self.app.wall()), planned

    @staticmethod
    def _plan_note(data: HomeData) -> Text:
        if not data.countdown:
            return Text("")  # no plan: nothing, and home looks as it always has
        note = Text(data.countdown, style="bold")
        if data.planned:
            note.append(f"\ntoday: {data.planned} question{'s' if data.planned != 1 else ''} in your plan, press d")
        return note

    def _round_options(self, unfinished: str | None) -> list[tuple[str, Text]]:
        bindings = {binding.id: binding for binding in self.BINDINGS if isinstance(binding, Binding)}
        options = []
        if unfinished:
            key = self.app.key_for(bindings["home.resume"])
            options.append(("resume", Text.assemble((f"{key}  ", "bold"), (f"Resume {unfinished} round", "bold"))))
        for info in ROUND_KINDS:
            key = self.app.key_for(bindings[info.binding_id])
            options.append(
                (info.id, Text.assemble((f"{key}  ", "bold"), (info.menu_title, "bold"), "\n   ", (info.blurb, "dim")))
            )
        return options

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Resume is offered (and shown in the footer) only when there is a round to resume."""
        if action == "resume":
            shown = getattr(self, "_shown", None)
            return shown is not None and shown.unfinished is not None
        return True

    @staticmethod
    def _resume_note(unfinished: str | None) -> Text | str:
        return Text("An unfinished round is waiting: press r to resume it.", style="italic") if unfinished else ""

    @staticmethod
    def _recent_table(recent: list[tuple]) -> Text:
        """Fixed columns in one Text: a Rich Table took 7-15 ms to lay out, on the first frame."""
        if not recent:
            return Text("No sessions yet.", style="dim")
        lines = Text()  # status goes last: narrow terminals clip it (home.tcss) rather than wrap every row
        lines.append(f"{'when':<14}{'round':<10}{'score':>5}{'answers':>9}  status\n", style="bold")
        for started_at, kind, answers, mean, status in recent:
            when = time.strftime("%d %b %H:%M", time.localtime(started_at))
            score = "-" if mean is None else f"{mean:.2f}"
            lines.append(f"{when:<14}{kind:<10}{score:>5}{answers:>9}  {status}\n")
        lines.rstrip()
        return lines

    def _bank_summary(self) -> Text:
        bank = self.app.bank
        if bank is None:
            return Text("Loading question packs…", style="dim")
        count = sum(len(p.questions) for p in bank.packs)
        summary = Text(f"{len(bank.packs)} packs, {count} questions", style="dim")
        for skipped in bank.skipped:  # pack text is data: rendered literally, never as markup
            summary.append(f"\nskipped {printable(str(skipped.errors[0]))}", style="red")
        return summary

    @staticmethod
    def _weak_spots(data: HomeData) -> Text:
        if not data.areas:
            return Text("Nothing yet: finish a round to see your weak spots.", style="dim")
        lines = Text()
        for mastery, name, attempts in data.areas:
            lines.append(f"{mastery:.2f}  ", style=mastery_style(mastery))
            lines.append(f"{name} ({attempts} answer{'s' if attempts != 1 else ''})\n")
        for explanation in data.concepts or ():
            lines.append(f"• {printable(explanation)}\n", style="dim")
        if data.due:
            lines.append(f"{data.due} question{'s' if data.due != 1 else ''} due for review: press d", style="bold")
        return lines

    @on(RoundMenu.Chosen, "#rounds")
    def choose_round(self, event: RoundMenu.Chosen) -> None:
        if event.choice == "resume":
            self.action_resume()
        else:
            self.action_setup(event.choice)

    def action_setup(self, kind: str) -> None:
        from interview.tui.screens.setup import RoundSetupScreen

        self.app.push_screen(RoundSetupScreen(kind))

    def action_resume(self) -> None:
        unfinished = self.app.practice.unfinished()
        if unfinished is None:
            self.notify("There is no unfinished round to resume.")
            return
        self.app.resume_round(unfinished.id)
