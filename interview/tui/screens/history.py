"""The history browser: sessions (filtered, paged), a session's answers, and one question over time."""

from __future__ import annotations

import time

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Select, Static

from interview.rounds.kinds import ROUND_KINDS
from interview.store import AttemptRow
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.prose import reflow
from interview.tui.widgets.steady import steady
from interview.tui.widgets.tables import selected_key
from interview.tui.widgets.title_bar import TitleBar

PAGE = 40  # a screenful and a bit; more load as the cursor nears the end
KINDS = [(str(info.id), str(info.id)) for info in ROUND_KINDS]  # the filter lists the kinds as stored


def _when(seconds: float) -> str:
    return time.strftime("%d %b %Y %H:%M", time.localtime(seconds))


def open_attempt(app: InterviewApp, attempt: AttemptRow) -> None:
    """Show a stored attempt on the feedback screen, read-only."""
    from interview.rounds.recorder import attempt_result
    from interview.tui.screens.feedback import FeedbackScreen

    result = attempt_result(attempt, app.question_for(attempt.question_id, attempt.topic))
    app.push_screen(FeedbackScreen(None, result, read_only=True))


class HistoryScreen(Screen[None]):
    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("history")
    BINDINGS = [
        Binding("escape", "back", "Back", id="history.back"),
        Binding("w", "dashboard", "Weak areas", id="history.dashboard"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="history-filters"):
            yield Select(KINDS, prompt="any round", id="kind")
            yield steady(Input(placeholder="topic, e.g. supervised", id="topic"), self.app.cursor_blink)
            yield steady(Input(placeholder="since YYYY-MM-DD", id="since"), self.app.cursor_blink)
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="history-note")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History"
        table = self.query_one("#sessions", DataTable)
        table.add_columns("#", "when", "round", "mode", "answers", "score", "status")
        self.reload()
        table.focus()

    def _filters(self) -> dict:
        kind = self.query_one("#kind", Select).value
        since_text = self.query_one("#since", Input).value.strip()
        since = None
        if since_text:
            try:
                since = time.mktime(time.strptime(since_text, "%Y-%m-%d"))
            except ValueError:
                self.notify("Dates look like 2026-11-22.", severity="warning")
        return {
            "kind": kind if isinstance(kind, str) else None,
            "topic": self.query_one("#topic", Input).value.strip() or None,
            "since": since,
        }

    def reload(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        self._loaded = 0
        self.load_more()

    def load_more(self) -> None:
        """The next page from SQL: opening history costs one page, however long the history is."""
        rows = self.app.store.sessions_page(self._loaded, PAGE, **self._filters())
        table = self.query_one("#sessions", DataTable)
        for session, answers, mean in rows:
            table.add_row(
                str(session.id),
                _when(session.started_at),
                session.kind,
                session.mode,
                str(answers),
                "-" if mean is None else f"{mean:.2f}",
                session.status,
                key=str(session.id),
            )
        self._loaded += len(rows)
        self._more = len(rows) == PAGE
        note = f"{self._loaded} sessions shown" + (" (more below)" if self._more else "")
        self.query_one("#history-note", Static).update(
            Text(note if self._loaded else "No sessions match.", style="dim")
        )

    @on(Select.Changed, "#kind")
    @on(Input.Submitted)
    def filters_changed(self) -> None:
        self.reload()

    @on(DataTable.RowHighlighted, "#sessions")
    def near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if self._more and event.cursor_row >= self._loaded - 1:
            self.load_more()

    @on(DataTable.RowSelected, "#sessions")
    def open_session(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(SessionScreen(int(selected_key(event))))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def action_dashboard(self) -> None:
        from interview.tui.screens.dashboard import DashboardScreen

        self.app.push_screen(DashboardScreen())


class SessionScreen(Screen[None]):
    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("history")
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="session.back"),
        Binding("a", "question_history", "All attempts at it", id="session.question"),
    ]

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="session-title")
        yield DataTable(id="attempts", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        store = self.app.store
        session = store.session(self.session_id)
        if session is None:  # listed a moment ago: only another process could have removed it
            self.app.pop_screen()
            return
        self.attempts = store.attempts(self.session_id)
        self.sub_title = f"{session.kind} round, {_when(session.started_at)}"
        self.query_one("#session-title", Static).update(
            Text(
                f"{session.kind} round · {session.mode} · {session.status} · {len(self.attempts)} answers", style="bold"
            )
        )
        table = self.query_one("#attempts", DataTable)
        table.add_columns("#", "question", "score", "verdict", "min", "hints", "rubric")
        for index, attempt in enumerate(self.attempts):
            question = self.app.question_for(attempt.question_id, attempt.topic)
            flag = "" if self.app.rubric_current(attempt) else "changed"
            table.add_row(
                str(attempt.position + 1),
                Text(reflow(question.prompt)[:58]),
                f"{attempt.score:.2f}",
                "skipped" if attempt.skipped else attempt.verdict,
                f"{attempt.seconds / 60:.1f}",
                str(attempt.hints),
                flag,
                key=str(index),
            )
        table.focus()

    @on(DataTable.RowSelected, "#attempts")
    def open(self, event: DataTable.RowSelected) -> None:
        open_attempt(self.app, self.attempts[int(selected_key(event))])

    def action_question_history(self) -> None:
        table = self.query_one("#attempts", DataTable)
        if self.attempts:
            self.app.push_screen(QuestionHistoryScreen(self.attempts[table.cursor_row].question_id))


class QuestionHistoryScreen(Screen[None]):
    """Every attempt at one question, to compare over time; re-score old ones when the rubric changed."""

    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("history")

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="question_history.back"),
        Binding("r", "rescore", "Re-score with today's rubric", id="question_history.rescore"),
    ]

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="question-title")
        yield DataTable(id="question-attempts", cursor_type="row", zebra_stripes=True)
        yield Static(id="rescore-note")
        yield Footer()

    def on_mount(self) -> None:
        self.attempts = self.app.store.question_attempts(self.question_id)
        question = self.app.question_for(self.question_id, self.attempts[0].topic if self.attempts else "")
        self.sub_title = self.question_id
        self.query_one("#question-title", Static).update(Text(reflow(question.prompt), style="bold"))
        self.fill(rescored={})
        self.query_one("#question-attempts", DataTable).focus()

    def fill(self, rescored: dict[int, float]) -> None:
        table = self.query_one("#question-attempts", DataTable)
        table.clear(columns=True)
        table.add_columns("when", "score", "verdict", "min", "hints", "rubric", "today's rubric")
        for index, attempt in enumerate(self.attempts):
            current = self.app.rubric_current(attempt)
            now = f"{rescored[index]:.2f}" if index in rescored else ""
            table.add_row(
                _when(attempt.submitted_at),
                f"{attempt.score:.2f}",
                attempt.verdict,
                f"{attempt.seconds / 60:.1f}",
                str(attempt.hints),
                "current" if current else "changed",
                now,
                key=str(index),
            )
        changed = sum(1 for a in self.attempts if not self.app.rubric_current(a))
        note = (
            f"{changed} attempt{'s were' if changed != 1 else ' was'} scored with an older rubric: press r to "
            "see today's score beside the one it was given"
            if changed
            else "All attempts used today's rubric."
        )
        self.query_one("#rescore-note", Static).update(Text(note, style="dim"))

    def action_rescore(self) -> None:
        """Attempts keep the score they were given; this only shows what today's rubric would say."""
        rescored = self.app.practice.rescore(self.question_id, self.attempts)
        if rescored is None:
            self.notify("This question's pack is not loaded, so it cannot be re-scored.")
            return
        self.fill(rescored)

    @on(DataTable.RowSelected, "#question-attempts")
    def open(self, event: DataTable.RowSelected) -> None:
        open_attempt(self.app, self.attempts[int(selected_key(event))])
