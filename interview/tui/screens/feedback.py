"""Feedback on one answer: score and verdict, each concept with its evidence, the model answer."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from interview.rounds import RoundSession
from interview.rounds.session import AttemptResult
from interview.scoring import MISSED
from interview.tui.app import InterviewApp
from interview.tui.screens.feedback_extras import feedback_extras
from interview.tui.styles import screen_css
from interview.tui.widgets.evidence import concept_lines, highlighted_answer
from interview.tui.widgets.prose import printable, prose
from interview.tui.widgets.title_bar import TitleBar

VERDICT_STYLE = {"strong": "bold green", "pass": "green", "borderline": "yellow", "miss": "bold red"}


def score_banner(result: AttemptResult) -> Text:
    score = result.score
    text = Text.assemble(
        (f" {score.value:.2f} ", f"reverse {VERDICT_STYLE[score.verdict]}"),
        "  ",
        (score.verdict.upper(), VERDICT_STYLE[score.verdict]),
    )
    details = [f"{result.seconds / 60:.1f} min"]
    if result.hints:
        details.append(f"{result.hints} hint{'s' if result.hints > 1 else ''}")
    if result.overtime:
        details.append("submitted by the clock")
    if result.skipped:
        details.append("skipped")
    text.append("   " + " · ".join(details), style="dim")
    return text


class FeedbackScreen(Screen[None]):
    """After an answer (practice mode), or from the summary when reviewing (read_only)."""

    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("feedback")

    BINDINGS = [
        Binding("enter,n", "next", "Next", id="feedback.next"),
        Binding("i", "dispute", "I covered this", id="feedback.dispute"),
        Binding("s", "self_assess", "Rate yourself", id="feedback.self_assess"),
        Binding("escape", "back", "Back", id="feedback.back", show=False),
    ]

    def __init__(self, session: RoundSession | None, result: AttemptResult, read_only: bool = False) -> None:
        super().__init__()
        self.session, self.result, self.read_only = session, result, read_only

    def compose(self) -> ComposeResult:
        question = self.result.question
        yield TitleBar()
        with VerticalScroll(id="feedback-body"):
            yield Static(score_banner(self.result), id="score")
            yield Static(prose(question.prompt, "italic"), id="feedback-prompt")
            extra = feedback_extras(self.session, self.result)
            if extra.plain:
                yield Static(extra, id="interviewer-notes")
            if self.result.coding is not None:  # a runnable exercise: its cases are the evidence
                from interview.tui.widgets.coding_feedback import coding_sections

                yield from coding_sections(self.result)
            else:
                yield from self._prose_sections()
        yield Footer()

    def _prose_sections(self) -> ComposeResult:
        question = self.result.question
        yield Static(Text("What the grader looked for", style="bold"), classes="section-title")
        yield Static(concept_lines(self.result.score), id="concepts")
        yield Static(Text("Your answer, with the evidence highlighted", style="bold"), classes="section-title")
        yield Static(highlighted_answer(self.result.answer, self.result.score), id="answer-evidence")
        yield Static(Text("Model answer", style="bold"), classes="section-title")
        yield Static(prose(question.model_answer), id="model-answer")
        if question.sources:
            yield Static(Text(printable("Further study: " + "; ".join(question.sources)), style="dim"), id="sources")

    def on_mount(self) -> None:
        self.sub_title = self.result.question.full_id
        self.query_one("#feedback-body").focus()

    def action_next(self) -> None:
        if self.read_only or self.session is None:
            self.app.pop_screen()
            return
        self.session.advance()
        self.app.show_round(self.session)

    def action_back(self) -> None:
        if self.read_only:
            self.app.pop_screen()

    def action_self_assess(self) -> None:
        """How well did you really know it? Your rating replaces the score's for when this comes back."""
        from interview.tui.screens.dialogs import ChoiceDialog

        if self.app.read_only or self.result.attempt_id is None:
            self.notify("Only your own answers can be rated.")
            return
        choices = ["again: I did not know it", "hard: I half knew it", "good: I knew it", "easy: I knew it cold"]

        def rated(choice: str | None) -> None:
            from interview.progress import reassess

            if not choice:
                return
            rating = choice.split(":", 1)[0]
            question_id, score, now = self.result.question.full_id, self.result.score.value, self.app.wall()
            outcome: list[float | None] = []
            if not self.app.writes.run(
                "your rating", lambda: outcome.append(reassess(self.app.store, question_id, score, now, rating))
            ):
                return  # the boundary has said so, and writes it when it can
            due = outcome[-1]
            if due is not None:
                days = max(0.0, (due - self.app.wall()) / 86400)
                when = f"in {days:.0f} days" if days >= 1 else "later today"
                self.notify(f"Noted ({rating}). This question comes back {when}.")

        self.app.push_screen(ChoiceDialog("How well did you know it?", choices), rated)

    def action_dispute(self) -> None:
        """'I covered this': recorded for the pack's author; the score itself does not change."""
        from interview.tui.screens.dialogs import ChoiceDialog

        if self.app.read_only:
            self.notify("This is a read-only review; only the student can dispute a score.")
            return
        missed = [c.concept for c in self.result.score.concepts if c.verdict != "hit"]
        if not missed:
            self.notify("Every concept was already credited.")
            return

        def record(concept: str | None) -> None:
            attempt_id = self.result.attempt_id
            if concept and attempt_id is not None:
                self.app.writes.run("your dispute", lambda: self.app.store.add_dispute(attempt_id, concept))
                self.notify(f"Recorded: you believe you covered '{concept}'. The pack's author will see it.")

        self.app.push_screen(ChoiceDialog("Which concept did you cover?", missed), record)


__all__ = ["FeedbackScreen", "MISSED", "score_banner"]
