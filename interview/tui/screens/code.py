"""A coding question: the editor, a key to run the visible cases (the table under it), and submit.

Runs go to a worker thread (the runner's child process may take seconds); the screen stays
responsive and shows the results when they arrive. Every run is kept in the autosaved draft.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Static, TextArea
from textual.widgets.text_area import LanguageDoesNotExist
from textual.worker import Worker, WorkerState

from interview.coding import CodingDraft, Limits, RunReport, run_exercise
from interview.rounds import RoundSession
from interview.tui.screens.question import QuestionScreen
from interview.tui.styles import screen_css
from interview.tui.widgets.case_results import case_detail, case_row
from interview.tui.widgets.countdown import Countdown
from interview.tui.widgets.prose import prose
from interview.tui.widgets.steady import steady
from interview.tui.widgets.title_bar import TitleBar

RUN_GROUP = "code-run"


class CodeScreen(QuestionScreen):
    """The question screen for a question with `code:`; hints, pause, the clock and reading in full are inherited."""

    DEFAULT_CSS = screen_css("code")
    BINDINGS = [
        Binding("ctrl+t,f5", "run_tests", "Run tests", id="code.run", priority=True),
        Binding("f6", "switch_pane", "Code/explain", id="code.switch", priority=True),
    ]

    limits = Limits()  # the runner's limits (tests shorten them)

    def __init__(self, session: RoundSession) -> None:
        super().__init__(session)
        code = session.current.question.code
        assert code is not None
        self.exercise = code
        self.draft = CodingDraft.from_text(session.draft, code.starter)
        self.running: str | None = None  # "run" or "submit" while a worker runs the cases
        self._overtime = False
        self._submitted_text = ""

    @property
    def explains(self) -> bool:
        """Whether an explanation is graded (the question has a rubric of its own)."""
        return bool(self.session.current.question.rubric)

    def compose(self) -> ComposeResult:
        question = self.session.current.question
        yield TitleBar()
        with Horizontal(id="question-bar"):
            yield Static(self._progress(), id="progress")
            yield Countdown(id="countdown")
        with VerticalScroll(id="prompt-box"):
            yield Static(prose(question.prompt), id="prompt")
            yield Static(self._signature(), id="signature")
            if question.case is not None:
                yield Static(self._case_text(), id="case")
            yield Static(id="hints")
        yield steady(self._editor(), self.app.cursor_blink)
        if self.explains:
            explanation = TextArea(self.draft.explanation, id="explanation", soft_wrap=True, show_line_numbers=False)
            explanation.border_title = "Explanation: complexity, edge cases (F6 to switch)"
            yield steady(explanation, self.app.cursor_blink)
        table: DataTable = DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="run-detail")
        yield Static(id="word-count")
        yield Footer()

    def _editor(self) -> TextArea:
        editor = TextArea.code_editor(self.draft.code, id="code", soft_wrap=False)
        try:
            editor.language = self.exercise.language  # highlighting when tree-sitter's grammar is installed
        except LanguageDoesNotExist:
            editor.language = None
        return editor

    def _signature(self) -> Text:
        code = self.exercise
        visible, hidden = len(code.visible_cases), code.hidden_count
        text = Text()
        if code.language == "sql":
            text.append("SQL (SQLite) · tables: ", style="dim")
            text.append("; ".join(f"{t}({', '.join(c for c, _ in cols)})" for t, cols in code.schema))
        else:
            text.append("Python · define ", style="dim")
            text.append(f"{code.function}(...)", style="bold")
        text.append(f" · {visible} visible case{'s' if visible != 1 else ''}, {hidden} hidden", style="dim")
        text.append(" · ctrl+t runs the visible cases, ctrl+s submits (all cases)", style="dim")
        return text

    def on_mount(self, event: events.Mount | None = None) -> None:
        if event is not None:
            event.prevent_default()  # Textual would run QuestionScreen.on_mount too, which expects its text box
        self.sub_title = self.session.current.question.full_id
        self._show_hints()
        self.update_clock()
        self.update_word_count(self.session.draft)
        self.set_interval(1.0, self.tick)
        self.set_interval(self.app.autosave_seconds, self.save_draft)
        table = self.query_one("#results", DataTable)
        table.add_columns("#", "case", "expected", "got", "result")
        if self.draft.runs:
            self._show_run(self.draft.runs[-1])
        else:
            self.query_one("#run-detail", Static).update(Text("No run yet: ctrl+t runs the visible cases.", "dim"))
        self.query_one("#code", TextArea).focus()

    # -- typing -----------------------------------------------------------------------------
    @on(TextArea.Changed, "#code")
    def code_changed(self, event: TextArea.Changed) -> None:
        self._edited(replace(self.draft, code=event.text_area.text))

    @on(TextArea.Changed, "#explanation")
    def explanation_changed(self, event: TextArea.Changed) -> None:
        self._edited(replace(self.draft, explanation=event.text_area.text))

    def _edited(self, draft: CodingDraft) -> None:
        if self.running == "submit":
            return  # the submission is graded as it was when submitted
        self.draft = draft
        self.session.set_draft(draft.to_text())
        self.update_word_count(self.session.draft)
        if self._typing_pause is not None:
            self._typing_pause.stop()
        self._typing_pause = self.set_timer(self.app.typing_pause_seconds, self.save_draft)

    def update_word_count(self, text: str) -> None:
        lines = self.draft.code.count("\n") + (1 if self.draft.code and not self.draft.code.endswith("\n") else 0)
        runs = len(self.draft.runs)
        status = f"{lines} line{'s' if lines != 1 else ''} · {runs} test run{'s' if runs != 1 else ''}"
        if self.running:
            status += " · running…"
        self.query_one("#word-count", Static).update(Text(status, style="dim"))

    # -- running ----------------------------------------------------------------------------
    def action_run_tests(self) -> None:
        if self.running:
            self.notify("A run is still going; its results will appear below.")
            return
        self._start("run")

    def action_submit(self) -> None:
        if self.running == "submit":
            return
        if self.running:
            self.notify("Wait for the test run to finish, then submit.")
            return
        self._start("submit")

    def _start(self, kind: str, overtime: bool = False) -> None:
        self.running = kind
        self._overtime = overtime
        if kind == "submit":
            self._submitted_text = self.draft.to_text()
            for editor in self.query(TextArea):
                editor.read_only = True
        what = "every case, hidden ones too" if kind == "submit" else "the visible cases"
        self.query_one("#run-detail", Static).update(Text(f"Running {what}…", style="italic"))
        self.update_word_count(self.session.draft)
        self.run_cases(self.draft.code, kind == "submit")

    @work(thread=True, exclusive=True, group=RUN_GROUP)
    def run_cases(self, source: str, include_hidden: bool) -> RunReport:
        return run_exercise(self.exercise, source, include_hidden, self.limits, wall=self.app.wall())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != RUN_GROUP or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        kind, self.running = self.running, None
        if event.state == WorkerState.ERROR:  # the app's handler shows the error itself
            for editor in self.query(TextArea):
                editor.read_only = False
            self.update_word_count(self.session.draft)
            return
        report = event.worker.result
        assert isinstance(report, RunReport)
        if kind == "submit":
            self.session.submit(self._submitted_text, overtime=self._overtime, final_run=report)
            self.app.show_round(self.session)
            return
        self.draft = self.draft.with_run(report)
        self.session.set_draft(self.draft.to_text())
        self.save_draft()
        self._show_run(report)
        self.update_word_count(self.session.draft)

    def _show_run(self, report: RunReport) -> None:
        table = self.query_one("#results", DataTable)
        table.clear()
        for case in report.cases:
            table.add_row(*case_row(case))
        detail = Text()
        detail.append(f"Run {len(self.draft.runs)}: {report.summary()}", style="bold")
        if report.problem:
            detail.append(f" · {report.problem}", style="yellow")
        failing = next((case for case in report.cases if not case.passed), None)
        if failing is not None:
            detail.append("\n")
            detail.append_text(case_detail(failing))
        self.query_one("#run-detail", Static).update(detail)

    # -- the clock: a timeout submits through the worker, never blocking the screen ---------
    def tick(self) -> None:
        limit = self.session.hard_limit()
        if limit is not None and limit[0] <= 0 and self.session.phase == "asking" and not self.session.paused:
            if self.running != "submit":
                self.notify(f"{limit[1]} is up: your code is being submitted as it stands", severity="warning")
                self.running = None
                self._start("submit", overtime=True)
            return
        super().tick()

    def action_skip(self) -> None:
        if self.running == "submit":
            return
        super().action_skip()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F6 is offered only where there is an explanation to switch to."""
        return self.explains if action == "switch_pane" else True

    def action_switch_pane(self) -> None:
        if not self.explains:
            self.notify("This exercise is graded on its cases only; no explanation is needed.")
            return
        code, explanation = self.query_one("#code", TextArea), self.query_one("#explanation", TextArea)
        (explanation if code.has_focus else code).focus()

    def action_submit_file(self) -> None:
        from interview.rounds.takehome import read_submission
        from interview.tui.screens.dialogs import PathDialog

        def chosen(path: str | None) -> None:
            if not path:
                return
            try:
                text = read_submission(Path(path).expanduser())
            except (OSError, ValueError) as error:
                self.notify(str(error), severity="error")
                return
            self.query_one("#code", TextArea).load_text(text)
            self.notify(f"Loaded {path} into the editor: run the tests, then ctrl+s to submit.")

        self.app.push_screen(PathDialog("Load code from a file (.py, .txt, .md)"), chosen)
