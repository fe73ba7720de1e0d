"""The end of a round: overall score, recommendation with reasons, per session and area, each answer."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from interview.interviewer import voice
from interview.rounds import RoundSession, summarize
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.prose import printable, reflow
from interview.tui.widgets.tables import selected_key
from interview.tui.widgets.title_bar import TitleBar


def probed_scores(session: RoundSession) -> dict[int, float]:
    """Answers whose probes earned something back: their score after the probes, by position."""
    from interview.interviewer.probing import adjust_for_probes

    items = session.items
    adjusted, outcomes = adjust_for_probes(session.results, lambda p: items[p].follow_up_of if p < len(items) else None)
    return {r.position: r.score.value for r in adjusted if any(o.earned > 0 for o in outcomes.get(r.position, []))}


class SummaryScreen(Screen[None]):
    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("summary")
    BINDINGS = [
        Binding("h,escape", "home", "Home", id="summary.home"),
        Binding("d", "debrief", "Debrief", id="summary.debrief"),
    ]

    def __init__(self, session: RoundSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        summary = summarize(self.session)
        yield TitleBar()
        with VerticalScroll(id="summary-body"):
            headline = Text.assemble(
                (f" {summary.overall:.2f} ", "reverse bold"),
                "  ",
                (summary.recommendation.upper(), "bold"),
                (f"   {summary.answered} answered, {summary.skipped} skipped", "dim"),
            )
            yield Static(headline, id="headline")
            closing = voice.closing(self.session.spec.kind)
            yield Static(Text(f"{closing} {voice.DEBRIEF_OFFER}", style="italic"), id="closing")
            yield Static(Text("\n".join(f"• {reason}" for reason in summary.reasons)), id="reasons")
            if len(summary.by_stage) > 1:
                yield Static(Text("By session", style="bold"), classes="section-title")
                yield Static(
                    Text("\n".join(f"{mean:.2f}  {name} ({count} answers)" for name, mean, count in summary.by_stage))
                )
            yield Static(Text("By area", style="bold"), classes="section-title")
            yield Static(
                Text("\n".join(f"{mean:.2f}  {area} ({count})" for area, mean, count in summary.by_area)), id="areas"
            )
            if summary.missed_concepts:
                yield Static(Text("Missed most often", style="bold"), classes="section-title")
                yield Static(
                    Text(printable(", ".join(f"{name} ×{n}" if n > 1 else name for name, n in summary.missed_concepts)))
                )
            yield Static(Text("Answers (enter to review one)", style="bold"), classes="section-title")
            yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"{self.session.spec.title} finished"
        table = self.query_one("#answers", DataTable)
        table.add_columns("#", "question", "score", "verdict", "minutes")
        raised = probed_scores(self.session)
        for index, result in enumerate(self.session.results):
            score = f"{result.score.value:.2f}"
            if result.position in raised:  # shown as such: what the probes added is not hidden in the score
                score = f"{raised[result.position]:.2f} (probed)"
            table.add_row(
                str(index + 1),
                Text(reflow(result.question.prompt)[:60]),
                score,
                result.score.verdict,
                f"{result.seconds / 60:.1f}",
                key=str(index),
            )
        table.focus()

    @on(DataTable.RowSelected, "#answers")
    def review(self, event: DataTable.RowSelected) -> None:
        from interview.tui.screens.feedback import FeedbackScreen

        result = self.session.results[int(selected_key(event))]
        self.app.push_screen(FeedbackScreen(self.session, result, read_only=True))

    def action_debrief(self) -> None:
        from interview.interviewer.debrief import build_debrief, played_from_session
        from interview.tui.screens.debrief import DebriefScreen

        bank = self.app.bank.questions if self.app.bank else ()
        debrief = build_debrief(played_from_session(self.session), bank)
        self.app.push_screen(DebriefScreen(debrief, voice.closing(self.session.spec.kind)))

    def action_home(self) -> None:
        self.app.pop_screen()
