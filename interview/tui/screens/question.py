"""The question: prompt, countdown, the answer editor with a word count, hint, submit, skip."""

from __future__ import annotations

import time
from pathlib import Path

from rich.text import Text
from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from interview.interviewer.probing import is_probe
from interview.interviewer.voice import line_for as interviewer_line
from interview.rounds import EventKind, Mode, Phase, RoundSession
from interview.rounds.takehome import SUBMITTABLE, read_submission
from interview.tui.app import InterviewApp
from interview.tui.styles import screen_css
from interview.tui.widgets.countdown import Countdown
from interview.tui.widgets.prose import printable, prose, reflow
from interview.tui.widgets.steady import steady
from interview.tui.widgets.title_bar import TitleBar


class QuestionScreen(Screen[None]):
    app = getters.app(InterviewApp)  # typed: screens use this app's store, bank and rounds
    DEFAULT_CSS = screen_css("question")
    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit", id="question.submit", priority=True),
        Binding("ctrl+g", "hint", "Hint", id="question.hint", priority=True),
        Binding("ctrl+n", "skip", "Skip", id="question.skip", priority=True),
        Binding("ctrl+b", "pause", "Pause", id="question.pause", priority=True),
        Binding("ctrl+o", "submit_file", "Submit file", id="question.file", priority=True, show=False),
        Binding("ctrl+r", "read", "Read in full", id="question.read", priority=True),
    ]

    def __init__(self, session: RoundSession) -> None:
        super().__init__()
        self.session = session
        self._saved_text = session.draft
        self._typing_pause: Timer | None = None

    def compose(self) -> ComposeResult:
        session = self.session
        question = session.current.question
        yield TitleBar()
        with Horizontal(id="question-bar"):
            yield Static(self._progress(), id="progress")
            yield Countdown(id="countdown")
        yield Static(Text(interviewer_line(session), style="italic"), id="interviewer")
        with VerticalScroll(id="prompt-box"):
            yield Static(prose(question.prompt), id="prompt")
            if question.case is not None:
                yield Static(self._case_text(), id="case")
            yield Static(id="hints")
        answer = TextArea(session.draft, id="answer", soft_wrap=True, show_line_numbers=False)
        yield steady(answer, self.app.cursor_blink)
        yield Static(id="word-count")
        yield Footer()

    def _progress(self) -> Text:
        session = self.session
        item = session.current
        label = (
            ("probe" if is_probe(item.question) else "follow-up")
            if item.follow_up_of is not None
            else f"question {session.position + 1} of {len(session.items)}"
        )
        stage = f" · {session.stage.name}" if session.stage.name != session.spec.title else ""
        text = Text.assemble(
            (session.spec.title, "bold"),
            f"{stage} · {label} · ",
            (item.question.topic, "dim"),
            f" · difficulty {item.question.difficulty}",
        )
        if session.spec.mode == Mode.STRICT:
            text.append(" · strict", style="bold red")
        return text

    def _case_text(self) -> Text:
        case = self.session.current.question.case
        text = Text()
        if case is None:
            return text
        if case.dataset:
            text.append("Dataset: ", style="bold")
            text.append(reflow(case.dataset) + "\n")
        if case.deliverables:
            text.append("Deliverables:\n", style="bold")
            for deliverable in case.deliverables:
                text.append(f"  • {printable(deliverable)}\n")
        text.append(f"Effort limit {case.effort_minutes // 60}h{case.effort_minutes % 60:02}m", style="dim")
        if self.session.deadline_at:
            deadline = time.strftime("%a %d %b %H:%M", time.localtime(self.session.deadline_at))
            text.append(f"; deadline {deadline} (the window runs even while the app is closed)", style="dim")
        text.append("; submit a file with ctrl+o (.md, .txt, .py, .ipynb); ctrl+r reads the case in full", style="dim")
        return text

    def on_mount(self, event: events.Mount) -> None:  # (the event: CodeScreen overrides this and stops it)
        self.sub_title = self.session.current.question.full_id
        self._show_hints()
        self.update_clock()
        self.update_word_count(self.session.draft)
        self.set_interval(1.0, self.tick)
        self.set_interval(self.app.autosave_seconds, self.save_draft)
        self.query_one("#answer", TextArea).focus()

    # -- time -------------------------------------------------------------------------------
    def tick(self) -> None:
        """Once a second (tests call it directly with a fake clock)."""
        events = self.session.tick()
        self.update_clock()
        for event in events:
            if event.kind == EventKind.WARNING:
                self.notify(event.message, severity="warning", timeout=6)
            elif event.kind == EventKind.TIMEOUT:
                self.app.notify(event.message, severity="warning", timeout=8)
                while isinstance(self.app.screen, ModalScreen):  # a dialog must not outlive the question
                    self.app.pop_screen()
                self.app.show_round(self.session)
                return

    def update_clock(self) -> None:
        countdown = self.query_one(Countdown)
        limit = self.session.hard_limit()
        countdown.elapsed = self.session.question_elapsed()
        if limit is None:
            countdown.seconds_left = None
        else:
            countdown.seconds_left, countdown.label = max(0.0, limit[0]), limit[1]

    # -- typing -----------------------------------------------------------------------------
    @on(TextArea.Changed, "#answer")
    def answer_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        self.session.set_draft(text)
        self.update_word_count(text)
        if self._typing_pause is not None:  # each keystroke restarts the wait for a pause
            self._typing_pause.stop()
        self._typing_pause = self.set_timer(self.app.typing_pause_seconds, self.save_draft)

    def update_word_count(self, text: str) -> None:
        words = len(text.split())
        self.query_one("#word-count", Static).update(Text(f"{words} word{'s' if words != 1 else ''}", style="dim"))

    def save_draft(self) -> None:
        """Autosave: a second after typing pauses, every few seconds while typing, and whenever the screen changes."""
        if self.session.draft != self._saved_text and self.session.phase == Phase.ASKING and self.session.recorder:
            self.session.recorder.draft(self.session)
            self._saved_text = self.session.draft

    def on_unmount(self) -> None:
        self.save_draft()

    # -- actions ----------------------------------------------------------------------------
    def action_submit(self) -> None:
        self.session.set_draft(self.query_one("#answer", TextArea).text)
        self.session.submit()
        self.app.show_round(self.session)

    def action_skip(self) -> None:
        self.session.skip()
        self.app.show_round(self.session)

    def action_hint(self) -> None:
        hint = self.session.take_hint()
        if hint is None:
            self.notify("No more hints for this question.")
            return
        self._show_hints()

    def _show_hints(self) -> None:
        hints = self.session.current.question.hints[: self.session.hints]
        text = Text()
        for number, hint in enumerate(hints, start=1):
            text.append(f"Hint {number}: ", style="bold yellow")
            text.append(printable(hint) + "\n")
        remaining = len(self.session.current.question.hints) - self.session.hints
        if remaining:
            text.append(
                f"{remaining} hint{'s' if remaining > 1 else ''} available (ctrl+g); each lowers the score cap",
                style="dim",
            )
        self.query_one("#hints", Static).update(text)

    def action_pause(self) -> None:
        from interview.tui.screens.pause import pause_round

        pause_round(self, self.session, self.save_draft, self.update_clock)

    def action_read(self) -> None:
        """The prompt (and case) in a scrollable dialog: long take-home cases do not fit beside the editor."""
        from interview.tui.screens.dialogs import ReadDialog

        body = prose(self.session.current.question.prompt)
        if self.session.current.question.case is not None:
            body.append("\n\n")
            body.append_text(self._case_text())
        self.app.push_screen(ReadDialog(body))

    def action_submit_file(self) -> None:
        from interview.tui.screens.dialogs import PathDialog

        def chosen(path: str | None) -> None:
            if not path:
                return
            try:
                text = read_submission(Path(path).expanduser())
            except (OSError, ValueError) as error:
                self.notify(str(error), severity="error")
                return
            self.query_one("#answer", TextArea).load_text(text)
            self.session.set_draft(text)
            self.save_draft()
            self.notify(f"Loaded {path}: review it, then ctrl+s to submit.")

        self.app.push_screen(PathDialog(f"Submit a file ({', '.join(SUBMITTABLE)})"), chosen)
